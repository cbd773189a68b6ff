using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Management;

/// <summary>Builds <see cref="TokenView"/>s, merging the store's last use with the fresher one in memory.</summary>
public sealed class TokenViews(TokenOwners owners, UsageAccumulator usage, TimeProvider time)
{
    /// <summary>Shows one token.</summary>
    public TokenView Show(TokenRecord record, TokenOwner? owner = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        owner ??= owners.Find(record.OwnerId, record.OwnerKind);
        var status = record.StatusAt(time.GetUtcNow());
        var (lastUsed, lastAddress) = LastUse(record);
        return new TokenView(
            record.Id,
            AsUtc(record.CreatedAt),
            record.Name,
            record.OwnerKind.TokenTypeName(),
            status.ToString().ToLowerInvariant(),
            status == TokenStatus.Active,
            record.ExpiresAt is { } expiresAt ? AsUtc(expiresAt) : null,
            lastUsed,
            lastAddress,
            record.ScimOnly,
            ShowOwner(owner, record));
    }

    private (DateTimeOffset? At, string? Address) LastUse(TokenRecord record)
    {
        var stored = record.LastUsedAt is { } at ? AsUtc(at) : (DateTimeOffset?)null;
        if (usage.Find(record.Id) is { LastUsedTicks: > 0 } counter && (stored is null || counter.LastUsedTicks > stored.Value.UtcTicks))
        {
            return (new DateTimeOffset(counter.LastUsedTicks, TimeSpan.Zero), counter.LastAddress?.ToString());
        }

        return (stored, record.LastUsedAddress);
    }

    private static OwnerView ShowOwner(TokenOwner? owner, TokenRecord record) => owner is null
        ? new OwnerView(record.OwnerId, record.OwnerId, record.OwnerId, null, null, nameof(Role.Member), record.OwnerKind.ToString())
        : new OwnerView(owner.Id, owner.Kind == OwnerKind.Service ? owner.Id : owner.UserName, owner.UserName, owner.Email, owner.Name,
            owner.Role.ToString(), owner.Kind.ToString());

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
