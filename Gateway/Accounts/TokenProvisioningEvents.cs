using ScimGateway.Scim.Provisioning;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Accounts;

/// <summary>
/// Carries provisioning changes to the token module: a deactivation, reactivation or role or name change evicts the
/// person's cached tokens so the very next request sees it; deleting the person deletes their tokens. Both are
/// idempotent, as the outbox's at-least-once delivery needs. No cycle: the token service depends on the account
/// directory, which reads the SCIM stores, not the SCIM resources that deliver these events.
/// </summary>
internal sealed class TokenProvisioningEvents(TokenValidationCache cache, TokenService tokens) : IProvisioningEvents
{
    public Task PersonDeactivatedAsync(string userId, CancellationToken cancellationToken) => Evict(userId);

    public Task PersonReactivatedAsync(string userId, CancellationToken cancellationToken) => Evict(userId);

    public Task PersonChangedAsync(string userId, CancellationToken cancellationToken) => Evict(userId);

    public Task PersonDeletedAsync(string userId, CancellationToken cancellationToken)
    {
        tokens.DeleteAllOwnedBy(userId, "scim");
        return Task.CompletedTask;
    }

    private Task Evict(string userId)
    {
        cache.EvictOwner(userId);
        return Task.CompletedTask;
    }
}
