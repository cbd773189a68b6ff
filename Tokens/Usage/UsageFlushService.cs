using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// Writes in-memory usage as per-minute buckets every <see cref="TokensOptions.UsageFlushSeconds"/> and once more on
/// graceful shutdown. The usage-rollup job folds the buckets into hourly and daily figures and last-use times.
/// </summary>
public sealed partial class UsageFlushService(
    UsageAccumulator accumulator,
    IUsageStore store,
    TimeProvider time,
    IOptions<TokensOptions> options,
    ILogger<UsageFlushService> logger,
    TokensMetrics metrics) : BackgroundService
{
    /// <summary>Writes what is new now; returns how many buckets. Safe to call concurrently with requests and itself.</summary>
    public int Flush()
    {
        var nodeId = options.Value.NodeId;
        var written = accumulator.Flush((flushId, deltas) => store.AddBuckets(nodeId, flushId, deltas), time.GetUtcNow().UtcTicks);
        metrics.UsageFlushed();
        if (written > 0)
        {
            LogFlushed(logger, written);
        }

        return written;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.UsageFlushSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                FlushLoggingFailures();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync flushes once more.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        FlushLoggingFailures();
    }

    private void FlushLoggingFailures()
    {
        try
        {
            Flush();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the store's engine throws, the counts stay in memory and the next flush offers them again, so
            // a failed write loses nothing; letting it escape would stop the host, and with it the proxy.
            metrics.UsageFlushFailed();
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Wrote {Count} usage buckets.")]
    private static partial void LogFlushed(ILogger logger, int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Could not write usage buckets; the counts stay in memory for the next flush.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
