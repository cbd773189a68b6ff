using ScimGateway.Gateway.Observability;
using Microsoft.Extensions.Options;
using Npgsql;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Cluster;

/// <summary>
/// Keeps this node's token validation cache in step with every other node's changes (cluster mode). It holds one
/// dedicated connection that LISTENs on <see cref="ChangeLog.Channel"/>; on each notification it reads the
/// <c>change_log</c> rows after the last one it applied, and those it found missing below it (transactions commit
/// out of seq order), and evicts their tokens and owners. While that connection is down the cache is stale (every
/// request reads the store); after reconnecting it LISTENs again, applies the rows it missed, and only then serves
/// from the cache again, so a change made while it was away is never missed.
/// </summary>
internal sealed partial class ChangeFeedListener(
    IOptions<StorageOptions> options,
    TokenValidationCache cache,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<ChangeFeedListener> logger) : BackgroundService
{
    /// <summary>The <c>application_name</c> of the listening connection, so operators (and tests) can find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "scimgateway-change-feed";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    // How far back the first connection looks for changes still being committed (see CatchUpAsync).
    private const long FirstLookBack = 1000;

    // Past this many unresolved holes the node stops tracking them and trusts nothing it holds instead.
    private const int MaxHoles = 10_000;

    // The highest change_log seq this node applied; null until the first connection.
    private long? _lastSeq;

    // Seqs below _lastSeq not seen yet, each with the snapshot xmax of the read that found it missing. A seq is drawn
    // when its row is written but becomes visible when its transaction commits, so commits can arrive out of seq
    // order: a missing seq may be a transaction still running (its row comes later, with its own NOTIFY) or one rolled
    // back. Every row is written by an AFTER trigger, so its transaction had an id before it drew the seq, and that
    // id is below the xmax of any snapshot that saw a later seq; once a snapshot's xmin reaches that xmax, every such
    // transaction has ended, and a committed one's row was visible to that same read.
    private readonly Dictionary<long, ulong> _holes = [];

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
        // The first read's look-back rows were written before this node listened: their age is not a propagation lag.
        var measureLag = _lastSeq is not null;
        if (_lastSeq is not { } after)
        {
            // First connection: whatever the cache holds was loaded before the feed ran, so none of it is trusted. The
            // last rows are read as if applied already, so that the seqs among them still being committed become holes.
            after = Math.Max(0, await ChangeLog.LastSeqAsync(connection, cancellationToken) - FirstLookBack);
            _lastSeq = after;
            cache.EvictAll();
        }
        else if (afterReconnect && await ChangeLog.PrunedPastAsync(connection, after, cancellationToken))
        {
            // The log no longer reaches back to where this node stopped (it was away longer than the log keeps, or
            // its last row aged out): it cannot tell what changed, so it trusts nothing it holds.
            cache.EvictAll();
            _holes.Clear();
        }

        var read = await ChangeLog.ReadAsync(connection, after, [.. _holes.Keys], cancellationToken);
        foreach (var change in read.Changes)
        {
            if (change.Kind == ChangeLog.TokenKind)
            {
                cache.EvictToken(change.Key);
            }
            else
            {
                cache.EvictOwner(change.Key);
            }

            if (measureLag)
            {
                // The label is one of the two constants, never a string read from the database.
                metrics.ChangePropagated(change.Kind == ChangeLog.TokenKind ? ChangeLog.TokenKind : ChangeLog.OwnerKind, change.AgeSeconds);
            }

            _holes.Remove(change.Seq);
            for (var missing = _lastSeq!.Value + 1; missing < change.Seq; missing++)
            {
                _holes[missing] = read.Xmax;
            }

            _lastSeq = Math.Max(_lastSeq.Value, change.Seq);
        }

        foreach (var (seq, barrier) in _holes)
        {
            if (barrier <= read.Xmin)
            {
                _holes.Remove(seq);
            }
        }

        if (_holes.Count > MaxHoles)
        {
            cache.EvictAll();
            _holes.Clear();
        }
    }

    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Change feed disconnected ({ExceptionType}: {Reason}); the token cache is stale until it reconnects and catches up.")]
    private static partial void LogDisconnected(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Change feed listening; caught up to change {Seq}, the token cache is current.")]
    private static partial void LogCaughtUp(ILogger logger, long seq);
}
