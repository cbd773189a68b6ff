using ScimGateway.Scim.Users;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Accounts;

/// <summary>
/// Carries SCIM user changes to the token module: a deactivation or role change evicts the user's cached tokens so
/// the very next request sees it; deleting the user deletes their tokens.
/// </summary>
internal sealed class TokenOwnerSync(IServiceProvider services) : IScimUserListener
{
    // Resolved late: the token service depends, through the account directory, on the SCIM store that calls us.
    public void UserChanged(string userId) => services.GetRequiredService<TokenValidationCache>().EvictOwner(userId);

    public void UserDeleted(string userId) => services.GetRequiredService<TokenService>().DeleteAllOwnedBy(userId, "scim");
}
