using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>
/// Every Tokens store on one fresh, empty database, as an engine provides them: they share it, since a token change
/// writes its audit entry and a usage fold writes tokens' last use. Disposing drops the database.
/// </summary>
public sealed class TokenStoreSet(
    ITokenStore tokens,
    IUsageStore usage,
    IAuditStore audit,
    IServiceUserStore serviceUsers,
    IExpiryWarningStore expiryWarnings,
    Action dispose) : IDisposable
{
    /// <summary>The tokens.</summary>
    public ITokenStore Tokens { get; } = tokens;

    /// <summary>Usage buckets and rollups.</summary>
    public IUsageStore Usage { get; } = usage;

    /// <summary>The audit trail.</summary>
    public IAuditStore Audit { get; } = audit;

    /// <summary>Service users.</summary>
    public IServiceUserStore ServiceUsers { get; } = serviceUsers;

    /// <summary>The expiry-warning ledger.</summary>
    public IExpiryWarningStore ExpiryWarnings { get; } = expiryWarnings;

    /// <summary>Drops the database.</summary>
    public void Dispose() => dispose();
}
