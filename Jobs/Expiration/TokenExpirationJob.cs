using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Watermarks;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Expiration;

namespace ScimGateway.Jobs.Expiration;

/// <summary>
/// <c>token-expiration</c>: has Tokens mark tokens past their expiry (<see cref="TokenExpirationSweep"/>) and decide
/// which expiry warnings are due (<see cref="ExpiryWarnings"/>), then delivers those warnings: a log line when one
/// first comes due, and the webhook until it is settled.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed partial class TokenExpirationJob(
    TokenExpirationSweep sweep,
    ExpiryWarnings warnings,
    WebhookNotifier webhook,
    IJobWatermarkStore watermarks,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<TokenExpirationJob> logger)
{
    /// <summary>Runs once; Hangfire passes its shutdown token.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = sweep.MarkExpired(now);
        var due = warnings.Collect(now, options.Value.EffectiveWarningDays);
        foreach (var warning in due.Where(w => w.FirstDue))
        {
            LogWarning(logger, warning.Token.Id, warning.Token.OwnerId, warning.ThresholdDays, warning.DaysLeft, warning.ExpiresAt);
        }

        var delivered = webhook.Enabled ? await DeliverAsync(due, cancellationToken) : 0;
        var warned = due.Count(w => w.FirstDue);
        watermarks.Advance(JobIds.TokenExpiration, now, time.GetUtcNow().UtcDateTime,
            $"{expired} marked expired, {warned} warnings logged, {delivered} delivered");
        LogCompleted(logger, expired, warned, delivered);
    }

    private async Task<int> DeliverAsync(IReadOnlyList<DueWarning> due, CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var warning in due.Where(w => !w.Record.Settled))
        {
            switch (await webhook.SendAsync(Notice(warning), cancellationToken))
            {
                case DeliveryResult.Delivered:
                    warnings.MarkDelivered(warning, time.GetUtcNow().UtcDateTime);
                    delivered++;
                    break;
                case DeliveryResult.Rejected:
                    warnings.MarkGivenUp(warning, time.GetUtcNow().UtcDateTime);
                    break;
                default:
                    // A receiver that is down stops delivery for the rest of this run, so it never holds the job for
                    // longer than one warning's attempts; everything undelivered is tried again next run.
                    warnings.MarkFailed(warning);
                    return delivered;
            }
        }

        return delivered;
    }

    private static ExpiryNotice Notice(DueWarning warning) => new(
        "token.expiring",
        warning.Token.Id,
        warning.Token.Name,
        warning.Token.OwnerKind.TokenTypeName(),
        new ExpiryNoticeOwner(warning.Owner.Id, warning.Owner.UserName, warning.Owner.Name, warning.Owner.Email, warning.Owner.Kind.ToString()),
        new DateTimeOffset(DateTime.SpecifyKind(warning.ExpiresAt, DateTimeKind.Utc)),
        warning.DaysLeft,
        warning.ThresholdDays);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Token {TokenId} of owner {OwnerId} expires within {ThresholdDays} days ({DaysLeft} days left, at {ExpiresAt:o}).")]
    private static partial void LogWarning(ILogger logger, string tokenId, string ownerId, int thresholdDays, int daysLeft, DateTime expiresAt);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Token expiration run: {Expired} marked expired, {Warned} expiry warnings logged, {Delivered} delivered.")]
    private static partial void LogCompleted(ILogger logger, int expired, int warned, int delivered);
}
