using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Expiration;

/// <summary>
/// The expiry-warning policy: which tokens are warned, at which threshold, and once only. For each active, unrevoked
/// token whose owner is active, the smallest threshold it has reached is due (a token created with 5 days left gets
/// the 7-day warning only); the ledger makes each token and threshold come due once. Delivery (log line, webhook) is
/// the caller's; it reports back with <see cref="MarkDelivered"/>, <see cref="MarkGivenUp"/> or <see cref="MarkFailed"/>.
/// </summary>
public sealed class ExpiryWarnings(ITokenStore tokens, TokenOwners owners, IExpiryWarningStore ledger)
{
    /// <summary>
    /// Records the warnings that come due at <paramref name="now"/> (UTC) and returns them together with those due
    /// earlier and not yet settled, soonest expiry first.
    /// </summary>
    public IReadOnlyList<DueWarning> Collect(DateTime now, IReadOnlyList<int> thresholdDays)
    {
        ArgumentNullException.ThrowIfNull(thresholdDays);
        if (thresholdDays.Count == 0)
        {
            return [];
        }

        var thresholds = thresholdDays.Distinct().OrderDescending().ToList();
        var due = new List<DueWarning>();
        foreach (var token in tokens.ListExpiringBefore(now.AddDays(thresholds[0])))
        {
            if (token.ExpiresAt is not { } expiresAt || expiresAt <= now || token.RevokedAt is not null)
            {
                continue;
            }

            var threshold = thresholds.Last(d => expiresAt <= now.AddDays(d));
            var owner = owners.Find(token.OwnerId, token.OwnerKind);
            if (owner is not { Active: true })
            {
                continue;
            }

            var daysLeft = (int)Math.Floor((expiresAt - now).TotalDays);
            var record = ledger.Find(token.Id, threshold);
            var firstDue = false;
            if (record is null)
            {
                record = ExpiryWarningRecord.Announced(token.Id, threshold, now);
                firstDue = ledger.TryAdd(record);
                record = firstDue ? record : ledger.Find(token.Id, threshold);
            }

            if (record is not null && (firstDue || !record.Settled))
            {
                due.Add(new DueWarning(token, owner, expiresAt, daysLeft, threshold, firstDue, record));
            }
        }

        return due;
    }

    /// <summary>The receiver accepted the warning: it is settled.</summary>
    public void MarkDelivered(DueWarning warning, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(warning);
        warning.Record.DeliveredAt = at;
        ledger.Update(warning.Record);
    }

    /// <summary>The receiver rejected the warning for good: it is settled, undelivered.</summary>
    public void MarkGivenUp(DueWarning warning, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(warning);
        warning.Record.GaveUpAt = at;
        ledger.Update(warning.Record);
    }

    /// <summary>Delivery failed this run: the warning stays due for the next.</summary>
    public void MarkFailed(DueWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        warning.Record.FailedRuns++;
        ledger.Update(warning.Record);
    }
}
