using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;

namespace ScimGateway.Gateway.Accounts;

/// <summary>Shows SCIM users to the token module as token owners.</summary>
internal sealed class ScimAccountDirectory(IScimUserStore users) : IAccountDirectory
{
    public AccountInfo? FindById(string id) => users.FindById(id) is { } user ? ToAccount(user) : null;

    public AccountInfo? FindByUserName(string userName) => users.FindByUserName(userName) is { } user ? ToAccount(user) : null;

    private static AccountInfo ToAccount(ScimUserRecord user) =>
        new(user.Id, user.UserName, user.DisplayName, user.PrimaryEmail, RoleNames.Highest(user.Roles), user.Active);
}
