using Microsoft.Extensions.Options;
using Npgsql;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Cluster;

/// <summary>
/// Keeps this node's token validation cache in step with every other node's changes (cluster mode). It holds one
/// dedicated connection that LISTENs on <see cref="ChangeLog.Channel"/>; on each notification it reads the
/// <c>change_log</c> rows after the last one it applied and evicts their tokens and owners. While that connection is
/// down the cache is stale (every request reads the store); after reconnecting it LISTENs again, applies the rows it
/// missed, and only then serves from the cache again, so a change made while it was away is never missed.
/// </summary>
internal sealed partial class ChangeFeedListener(
    IOptions<StorageOptions> options,
    TokenValidationCache cache,
    TimeProvider time,
    ILogger<ChangeFeedListener> logger) : BackgroundService
{
    /// <summary>The <c>application_name</c> of the listening connection, so operators (and tests) can find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "scimgateway-change-feed";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    // The last change_log seq this node applied; null until the first connection, when there is nothing to catch up.
    private long? _lastSeq;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != StorageProvider.PostgreSql)
        {
            return;
        }

        cache.StaleGrace = TimeSpan.FromSeconds(options.Value.PostgreSql.GraceSeconds);
        cache.MarkStale(time.GetUtcNow().UtcTicks);
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                cache.MarkStale(time.GetUtcNow().UtcTicks);
                LogDisconnected(logger, ex.GetType().Name, ex.Message);
            }

            await Task.Delay(retryDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.PostgresConnectionString)
        {
            ApplicationName = ApplicationName,
            Pooling = false,
            // Keepalive queries notice a database that went away without closing the socket (a cut network).
            KeepAlive = 5,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var pending = 0;
        connection.Notification += (_, _) => Interlocked.Exchange(ref pending, 1);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeLog.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        // LISTEN before reading: a change committed from here on is both in the table and notified.
        await CatchUpAsync(connection, afterReconnect: true, cancellationToken);
        cache.MarkCurrent();
        LogCaughtUp(logger, _lastSeq ?? 0);
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
            if (Interlocked.Exchange(ref pending, 0) == 1)
            {
                await CatchUpAsync(connection, afterReconnect: false, cancellationToken);
            }
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection connection, bool afterReconnect, CancellationToken cancellationToken)
    {
        if (_lastSeq is not { } after)
        {
            // First connection: whatever the cache holds was loaded before the feed ran, so none of it is trusted.
            _lastSeq = await ChangeLog.LastSeqAsync(connection, cancellationToken);
            cache.EvictAll();
            return;
        }

        if (afterReconnect && await ChangeLog.PrunedPastAsync(connection, after, cancellationToken))
        {
            // The log no longer reaches back to where this node stopped (it was away longer than the log keeps, or
            // its last row aged out): it cannot tell what changed, so it trusts nothing it holds.
            cache.EvictAll();
        }

        var changes = await ChangeLog.ReadAfterAsync(connection, after, cancellationToken);
        foreach (var change in changes)
        {
            if (change.Kind == ChangeLog.TokenKind)
            {
                cache.EvictToken(change.Key);
            }
            else
            {
                cache.EvictOwner(change.Key);
            }

            _lastSeq = change.Seq;
        }
    }

    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Change feed disconnected ({ExceptionType}: {Reason}); the token cache is stale until it reconnects and catches up.")]
    private static partial void LogDisconnected(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Change feed listening; caught up to change {Seq}, the token cache is current.")]
    private static partial void LogCaughtUp(ILogger logger, long seq);
}
