using Hangfire;
using Microsoft.Extensions.Logging;
using ScimGateway.Jobs.Watermarks;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Jobs.Usage;

/// <summary>
/// <c>usage-rollup</c>: folds the minute buckets that gateway nodes flush into hourly and daily figures per token and
/// moves tokens' last use forward. Folding deletes the buckets in the same transaction, so a second run has nothing
/// to add and a crash cannot count twice.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed partial class UsageRollupJob(IUsageStore usage, IJobWatermarkStore watermarks, TimeProvider time, ILogger<UsageRollupJob> logger)
{
    /// <summary>Runs once; Hangfire passes its shutdown token.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = usage.Fold();
        var position = result.LatestMinute ?? watermarks.Find(JobIds.UsageRollup)?.Position ?? DateTime.MinValue;
        watermarks.Advance(JobIds.UsageRollup, position, time.GetUtcNow().UtcDateTime,
            $"{result.Buckets} buckets with {result.Requests} requests of {result.Tokens} tokens folded");
        LogCompleted(logger, result.Buckets, result.Requests, result.Tokens);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Usage rollup: folded {Buckets} minute buckets holding {Requests} requests of {Tokens} tokens.")]
    private static partial void LogCompleted(ILogger logger, int buckets, long requests, int tokens);
}
