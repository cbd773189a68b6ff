using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Retention;

/// <summary>
/// Retention of Tokens' data: usage rollups and audit entries past their age, and the usage and expiry warnings of
/// deleted tokens. Every step deletes by age or by absence, so repeating it changes nothing.
/// </summary>
public sealed class TokenRetention(IUsageStore usage, IAuditStore audit, IExpiryWarningStore warnings)
{
    /// <summary>Prunes as of <paramref name="now"/> (UTC); stops between steps when cancelled.</summary>
    public RetentionResult Prune(DateTime now, int usageRetentionDays, int auditRetentionDays, CancellationToken cancellationToken)
    {
        var usagePruned = usage.PruneBefore(now.Date.AddDays(-usageRetentionDays));
        cancellationToken.ThrowIfCancellationRequested();
        var auditPruned = audit.PruneBefore(now.AddDays(-auditRetentionDays));
        cancellationToken.ThrowIfCancellationRequested();
        var orphansPruned = usage.PruneDeletedTokens() + warnings.PruneDeletedTokens();
        return new RetentionResult(usagePruned, auditPruned, orphansPruned);
    }
}
