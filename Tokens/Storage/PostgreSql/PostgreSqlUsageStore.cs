using Npgsql;
using NpgsqlTypes;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>
/// Usage in PostgreSQL: <c>usage_minutes</c>, <c>usage_hourly</c>, <c>usage_daily</c>, with <c>usage_flushes</c>
/// remembering which flushes were written; last use goes to <c>tokens</c> in the same transaction. Counts stay exact
/// with several nodes: buckets are only inserted, a retried flush is skipped by its id, and a fold deletes exactly the
/// buckets it locked (<c>FOR UPDATE SKIP LOCKED</c>), so two folds at once count disjoint buckets.
/// </summary>
public sealed class PostgreSqlUsageStore(NpgsqlDataSource dataSource) : IUsageStore
{
    /// <summary>How long a flush id is remembered; a node retries a failed flush at its next tick, long before.</summary>
    private const string FlushMemory = "7 days";

    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public void AddBuckets(string nodeId, string flushId, IReadOnlyList<UsageDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        {
            // The flush's row first: a retry of a committed flush finds it and writes nothing; a retry racing the first
            // attempt waits on the key and then finds it.
            var first = PostgreSqlSession.Execute(connection, transaction,
                "INSERT INTO usage_flushes (node_id, flush_id, applied_at) VALUES (@node, @flush, now()) ON CONFLICT DO NOTHING",
                ("node", nodeId), ("flush", flushId)) > 0;
            if (!first || deltas.Count == 0)
            {
                return false;
            }

            using (var insert = new NpgsqlCommand(
                "INSERT INTO usage_minutes (node_id, flush_id, token_id, minute, success, client_error, server_error, last_used_at, last_used_address) "
                + "SELECT @node, @flush, * FROM unnest(@tokens, @minutes, @success, @client_error, @server_error, @last_used_at, @addresses)",
                connection, transaction))
            {
                insert.Parameters.AddWithValue("node", nodeId);
                insert.Parameters.AddWithValue("flush", flushId);
                insert.Parameters.AddWithValue("tokens", deltas.Select(d => d.TokenId).ToArray());
                insert.Parameters.AddWithValue("minutes", deltas.Select(d => PostgreSqlSession.Utc(d.Minute)).ToArray());
                insert.Parameters.AddWithValue("success", deltas.Select(d => d.Success).ToArray());
                insert.Parameters.AddWithValue("client_error", deltas.Select(d => d.ClientError).ToArray());
                insert.Parameters.AddWithValue("server_error", deltas.Select(d => d.ServerError).ToArray());
                insert.Parameters.AddWithValue("last_used_at", deltas.Select(d => PostgreSqlSession.Utc(d.LastUsedAt)).ToArray());
                insert.Parameters.Add(new NpgsqlParameter("addresses", NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    Value = deltas.Select(d => (object?)d.LastUsedAddress ?? DBNull.Value).ToArray(),
                });
                insert.ExecuteNonQuery();
            }

            // Last use is a maximum, so writing it now as well as at the fold is idempotent; it keeps "Last Used"
            // current without waiting for the next rollup.
            TokenRows.UpdateLastUsed(connection, transaction, deltas.Select(d => new LastUseUpdate(d.TokenId, d.LastUsedAt, d.LastUsedAddress)));
            return true;
        });
    }

    /// <inheritdoc />
    public UsageFoldResult Fold() => PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
    {
        // Buckets another fold has locked are skipped, not waited for: they are that fold's to count and delete.
        var buckets = PostgreSqlSession.Query(connection, transaction,
            "DELETE FROM usage_minutes WHERE id IN (SELECT id FROM usage_minutes ORDER BY id FOR UPDATE SKIP LOCKED) "
            + "RETURNING token_id, minute, success, client_error, server_error, last_used_at, last_used_address",
            ReadBucket);
        PostgreSqlSession.Execute(connection, transaction, $"DELETE FROM usage_flushes WHERE applied_at < now() - interval '{FlushMemory}'");
        if (buckets.Count == 0)
        {
            return new UsageFoldResult(0, 0, 0, null);
        }

        // Periods are computed here in UTC: date_trunc on timestamptz would follow the session's time zone.
        AddTo(connection, transaction, "usage_hourly", buckets,
            b => new DateTime(b.Minute.Year, b.Minute.Month, b.Minute.Day, b.Minute.Hour, 0, 0, DateTimeKind.Utc));
        AddTo(connection, transaction, "usage_daily", buckets, b => DateTime.SpecifyKind(b.Minute.Date, DateTimeKind.Utc));
        var lastUses = buckets.GroupBy(b => b.TokenId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(b => b.LastUsedAt)!)
            .Select(b => new LastUseUpdate(b.TokenId, b.LastUsedAt, b.LastUsedAddress))
            .ToList();
        TokenRows.UpdateLastUsed(connection, transaction, lastUses);
        return new UsageFoldResult(buckets.Count, buckets.Sum(b => b.Success + b.ClientError + b.ServerError), lastUses.Count,
            buckets.Max(b => b.Minute));
    });

    /// <inheritdoc />
    public IReadOnlyList<UsageRollup> ReadDaily(string tokenId, DateTime firstDay, DateTime lastDay) =>
        PostgreSqlSession.OnConnection(_dataSource, connection => PostgreSqlSession.Query(connection, null,
            "SELECT token_id, period, success, client_error, server_error, last_used_at, last_used_address FROM usage_daily "
            + "WHERE token_id = @token AND period >= @first AND period <= @last ORDER BY period",
            ReadRollup, ("token", tokenId), ("first", firstDay), ("last", lastDay)));

    /// <inheritdoc />
    public int PruneBefore(DateTime before) => PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        PostgreSqlSession.Execute(connection, transaction, "DELETE FROM usage_hourly WHERE period < @before", ("before", before))
        + PostgreSqlSession.Execute(connection, transaction, "DELETE FROM usage_daily WHERE period < @before", ("before", before)));

    /// <inheritdoc />
    public int PruneDeletedTokens() => PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        new[] { "usage_minutes", "usage_hourly", "usage_daily" }.Sum(table => PostgreSqlSession.Execute(connection, transaction,
            $"DELETE FROM {table} u WHERE NOT EXISTS (SELECT 1 FROM tokens t WHERE t.id = u.token_id)")));

    private static void AddTo(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, List<Bucket> buckets, Func<Bucket, DateTime> period)
    {
        // One row per token and period, in key order so that two folds upserting the same rollups cannot deadlock.
        var rollups = buckets.GroupBy(b => (b.TokenId, Period: period(b)))
            .Select(g => (g.Key.TokenId, g.Key.Period, Success: g.Sum(b => b.Success), ClientError: g.Sum(b => b.ClientError),
                ServerError: g.Sum(b => b.ServerError), Latest: g.MaxBy(b => b.LastUsedAt)!))
            .OrderBy(r => r.TokenId, StringComparer.Ordinal).ThenBy(r => r.Period)
            .ToList();
        using var upsert = new NpgsqlCommand(
            $"INSERT INTO {table} AS r (token_id, period, success, client_error, server_error, last_used_at, last_used_address) "
            + "SELECT * FROM unnest(@tokens, @periods, @success, @client_error, @server_error, @last_used_at, @addresses) "
            + "ON CONFLICT (token_id, period) DO UPDATE SET success = r.success + excluded.success, "
            + "client_error = r.client_error + excluded.client_error, server_error = r.server_error + excluded.server_error, "
            + "last_used_at = greatest(r.last_used_at, excluded.last_used_at), "
            + "last_used_address = CASE WHEN excluded.last_used_at >= r.last_used_at THEN excluded.last_used_address ELSE r.last_used_address END",
            connection, transaction);
        upsert.Parameters.AddWithValue("tokens", rollups.Select(r => r.TokenId).ToArray());
        upsert.Parameters.AddWithValue("periods", rollups.Select(r => r.Period).ToArray());
        upsert.Parameters.AddWithValue("success", rollups.Select(r => r.Success).ToArray());
        upsert.Parameters.AddWithValue("client_error", rollups.Select(r => r.ClientError).ToArray());
        upsert.Parameters.AddWithValue("server_error", rollups.Select(r => r.ServerError).ToArray());
        upsert.Parameters.AddWithValue("last_used_at", rollups.Select(r => r.Latest.LastUsedAt).ToArray());
        upsert.Parameters.Add(new NpgsqlParameter("addresses", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = rollups.Select(r => (object?)r.Latest.LastUsedAddress ?? DBNull.Value).ToArray(),
        });
        upsert.ExecuteNonQuery();
    }

    private static Bucket ReadBucket(NpgsqlDataReader reader) => new(
        reader.Text("token_id")!,
        reader.Time("minute")!.Value,
        reader.GetInt64(reader.GetOrdinal("success")),
        reader.GetInt64(reader.GetOrdinal("client_error")),
        reader.GetInt64(reader.GetOrdinal("server_error")),
        reader.Time("last_used_at")!.Value,
        reader.Text("last_used_address"));

    private static UsageRollup ReadRollup(NpgsqlDataReader reader)
    {
        var tokenId = reader.Text("token_id")!;
        var period = reader.Time("period")!.Value;
        return new UsageRollup
        {
            Id = tokenId + "|" + period.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            TokenId = tokenId,
            Period = period,
            Success = reader.GetInt64(reader.GetOrdinal("success")),
            ClientError = reader.GetInt64(reader.GetOrdinal("client_error")),
            ServerError = reader.GetInt64(reader.GetOrdinal("server_error")),
            LastUsedAt = reader.Time("last_used_at")!.Value,
            LastUsedAddress = reader.Text("last_used_address"),
        };
    }

    private sealed record Bucket(string TokenId, DateTime Minute, long Success, long ClientError, long ServerError, DateTime LastUsedAt,
        string? LastUsedAddress);
}
