using ScimGateway.Scim.Roles;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;

namespace ScimGateway.Gateway.Accounts;

/// <summary>
/// Shows SCIM users to the token module as token owners. The role is the highest of the user's <c>roles</c> values
/// and the roles their groups map to (<c>Scim:RoleGroups</c>).
/// </summary>
internal sealed class ScimAccountDirectory(IScimUserStore users, ScimEffectiveRoles roles) : IAccountDirectory
{
    public AccountInfo? FindById(string id) => users.FindById(id) is { } user ? ToAccount(user) : null;

    public AccountInfo? FindByUserName(string userName) => users.FindByUserName(userName) is { } user ? ToAccount(user) : null;

    private AccountInfo ToAccount(ScimUserRecord user) =>
        new(user.Id, user.UserName, user.DisplayName, user.PrimaryEmail, RoleNames.Highest(roles.For(user)), user.Active);
}
