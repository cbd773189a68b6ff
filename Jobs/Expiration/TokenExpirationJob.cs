using Hangfire;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Watermarks;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Jobs.Expiration;

/// <summary>
/// <c>token-expiration</c>: records tokens past their expiry as expired (once, with a <c>token.expired</c> audit
/// event) and sends expiry warnings at the configured thresholds (once per token and threshold). Validation never
/// waits for this job: it compares expiry with the clock on every request.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed partial class TokenExpirationJob(
    ILiteDatabase database,
    ITokenStore tokens,
    TokenOwners owners,
    TokenValidationCache cache,
    AuditTrail audit,
    ExpiryWarningLedger warnings,
    WebhookNotifier webhook,
    JobWatermarks watermarks,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<TokenExpirationJob> logger)
{
    /// <summary>The audit actor of events the jobs record.</summary>
    public const string Actor = "system";

    /// <summary>Runs once; Hangfire passes its shutdown token.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = MarkExpired(now);
        var (warned, delivered) = await WarnAsync(now, cancellationToken);
        watermarks.Advance(JobIds.TokenExpiration, now, time.GetUtcNow().UtcDateTime,
            $"{expired} marked expired, {warned} warnings logged, {delivered} delivered");
        LogCompleted(logger, expired, warned, delivered);
    }

    private int MarkExpired(DateTime now)
    {
        var marked = 0;
        foreach (var listed in tokens.ListExpiringBefore(now).Where(t => t.ExpiredAt is null))
        {
            // The store's update is compare-and-set: if a revoke or restore lands between the listing and the write,
            // read the token again and mark that; a token deleted meanwhile is skipped.
            var token = listed;
            for (var attempt = 0; attempt < 8 && token is { ExpiredAt: null }; attempt++)
            {
                if (TryMarkExpired(token, now))
                {
                    marked++;
                    break;
                }

                token = tokens.FindById(token.Id);
            }

            cache.EvictToken(listed.Id);
        }

        return marked;
    }

    private bool TryMarkExpired(TokenRecord token, DateTime now)
    {
        // The status change and its audit event commit together, so a crash cannot audit twice or not at all.
        database.BeginTrans();
        try
        {
            token.ExpiredAt = now;
            var written = tokens.Update(token);
            if (written)
            {
                audit.Record(Actor, AuditActions.TokenExpired, token.Id, token.Name);
            }

            database.Commit();
            return written;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    private async Task<(int Warned, int Delivered)> WarnAsync(DateTime now, CancellationToken cancellationToken)
    {
        var thresholds = options.Value.EffectiveWarningDays;
        var warned = 0;
        var delivered = 0;
        var webhookUp = webhook.Enabled;
        foreach (var token in tokens.ListExpiringBefore(now.AddDays(thresholds[0])))
        {
            if (token.ExpiresAt is not { } expiresAt || expiresAt <= now || token.RevokedAt is not null)
            {
                continue;
            }

            // The smallest threshold reached: a token created with 5 days left gets the 7-day warning only.
            var threshold = thresholds.Last(d => expiresAt <= now.AddDays(d));
            var owner = owners.Find(token.OwnerId, token.OwnerKind);
            if (owner is not { Active: true })
            {
                continue;
            }

            var daysLeft = (int)Math.Floor((expiresAt - now).TotalDays);
            var record = warnings.Find(token.Id, threshold);
            if (record is null)
            {
                record = warnings.Add(token.Id, threshold, now);
                LogWarning(logger, token.Id, token.OwnerId, threshold, daysLeft, expiresAt);
                warned++;
            }

            if (!webhookUp || record.Settled)
            {
                continue;
            }

            var result = await webhook.SendAsync(Notice(token, owner, expiresAt, daysLeft, threshold), cancellationToken);
            switch (result)
            {
                case DeliveryResult.Delivered:
                    record.DeliveredAt = time.GetUtcNow().UtcDateTime;
                    delivered++;
                    break;
                case DeliveryResult.Rejected:
                    record.GaveUpAt = time.GetUtcNow().UtcDateTime;
                    break;
                default:
                    // A receiver that is down stops delivery for the rest of this run, so it never holds the job for
                    // longer than one warning's attempts; everything undelivered is tried again next run.
                    record.FailedRuns++;
                    webhookUp = false;
                    break;
            }

            warnings.Update(record);
        }

        return (warned, delivered);
    }

    private static ExpiryNotice Notice(TokenRecord token, TokenOwner owner, DateTime expiresAt, int daysLeft, int threshold) => new(
        "token.expiring",
        token.Id,
        token.Name,
        token.OwnerKind == OwnerKind.Human ? "personal" : "service",
        new ExpiryNoticeOwner(owner.Id, owner.UserName, owner.Name, owner.Email, owner.Kind.ToString()),
        new DateTimeOffset(DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc)),
        daysLeft,
        threshold);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Token {TokenId} of owner {OwnerId} expires within {ThresholdDays} days ({DaysLeft} days left, at {ExpiresAt:o}).")]
    private static partial void LogWarning(ILogger logger, string tokenId, string ownerId, int thresholdDays, int daysLeft, DateTime expiresAt);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Token expiration run: {Expired} marked expired, {Warned} expiry warnings logged, {Delivered} delivered.")]
    private static partial void LogCompleted(ILogger logger, int expired, int warned, int delivered);
}
