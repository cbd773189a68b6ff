using Microsoft.Extensions.Options;
using ScimGateway.Scim;
using ScimGateway.Scim.Roles;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;

namespace ScimGateway.Gateway.Accounts;

/// <summary>
/// Shows SCIM users to the token module as token owners. The role is the highest of the user's <c>roles</c> values
/// and the roles their groups map to (<c>Scim:RoleGroups</c>).
/// </summary>
internal sealed class ScimAccountDirectory(IScimUserStore users, ScimEffectiveRoles roles, IOptions<ScimOptions> options) : IAccountDirectory
{
    public AccountInfo? FindById(string id) => users.FindById(id) is { } user ? ToAccount(user) : null;

    public AccountInfo? FindByUserName(string userName) => users.FindByUserName(userName) is { } user ? ToAccount(user) : null;

    private AccountInfo ToAccount(ScimUserRecord user) =>
        new(user.Id, user.UserName, user.DisplayName, user.PrimaryEmail, RoleNames.Highest(Honoured(user)), user.Active);

    /// <summary>
    /// <see cref="ScimEffectiveRoles"/> already drops Admin from provisioned people unless
    /// <c>Scim:AllowAdminRoleFromScim</c>; checked again here with the gateway's own reading of role names, so no
    /// spelling of Admin that it would accept gets through.
    /// </summary>
    private IEnumerable<string> Honoured(ScimUserRecord user) =>
        user.Local || options.Value.AllowAdminRoleFromScim
            ? roles.For(user)
            : roles.For(user).Where(r => !RoleNames.TryParse(r, out var role) || role != Role.Admin);
}
