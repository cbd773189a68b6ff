using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Usage;

/// <summary>Persists last-use times every <see cref="TokensOptions.UsageFlushSeconds"/> and once more on shutdown.</summary>
public sealed partial class UsageFlushService(
    UsageAccumulator accumulator,
    ITokenStore store,
    TimeProvider time,
    IOptions<TokensOptions> options,
    ILogger<UsageFlushService> logger) : BackgroundService
{
    /// <summary>Writes what is new now. Safe to call concurrently with requests.</summary>
    public void Flush()
    {
        var updates = accumulator.Unflushed();
        if (updates.Count == 0)
        {
            return;
        }

        store.UpdateLastUsed(updates);
        accumulator.MarkFlushed(updates);
        LogFlushed(logger, updates.Count);
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
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException or ObjectDisposedException)
        {
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Persisted last use of {Count} tokens.")]
    private static partial void LogFlushed(ILogger logger, int count);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Could not persist token last-use times; they stay in memory for the next flush.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
