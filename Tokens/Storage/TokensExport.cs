using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Storage;

/// <summary>
/// Everything Tokens keeps, read from one storage engine to be written into another (<c>storage copy-to-postgres</c>).
/// The sequences are read lazily, once, while the target writes them, so a large store is never held in memory.
/// Tokens are copied as their hashes: the secrets never existed at rest.
/// </summary>
public sealed class TokensExport
{
    /// <summary>Rows per table, by the PostgreSQL table name, counted in the source before reading.</summary>
    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    /// <summary>Tokens, with their lifecycle state, version and last use.</summary>
    public required IEnumerable<TokenRecord> Tokens { get; init; }

    /// <summary>The audit trail, with its ids (their order is the trail's order).</summary>
    public required IEnumerable<AuditRecord> Audit { get; init; }

    /// <summary>Service users.</summary>
    public required IEnumerable<ServiceUserRecord> ServiceUsers { get; init; }

    /// <summary>The expiry-warning ledger, so a warning already sent is not sent again.</summary>
    public required IEnumerable<ExpiryWarningRecord> ExpiryWarnings { get; init; }

    /// <summary>Minute buckets not folded yet.</summary>
    public required IEnumerable<UsageBucket> UsageMinutes { get; init; }

    /// <summary>Flushes already written.</summary>
    public required IEnumerable<UsageFlushRecord> UsageFlushes { get; init; }

    /// <summary>Hourly rollups.</summary>
    public required IEnumerable<UsageRollup> UsageHourly { get; init; }

    /// <summary>Daily rollups.</summary>
    public required IEnumerable<UsageRollup> UsageDaily { get; init; }
}
