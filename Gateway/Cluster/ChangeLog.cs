using Npgsql;

namespace ScimGateway.Gateway.Cluster;

/// <summary>
/// The <c>change_log</c> table (gateway migration 0002): what may change a token's validity, appended by triggers in
/// the same transaction as the change, announced on <see cref="Channel"/>.
/// </summary>
internal static class ChangeLog
{
    /// <summary>The NOTIFY channel <c>gateway_log_change()</c> signals.</summary>
    public const string Channel = "gateway_changes";

    /// <summary>A change to one token; the key is the token id.</summary>
    public const string TokenKind = "token";

    /// <summary>A change to an owner (active, role, deletion); the key is the owner id.</summary>
    public const string OwnerKind = "owner";

    /// <summary>How long rows are kept: a node away longer than this evicts its whole cache when it returns.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>The newest seq, 0 when the log is empty.</summary>
    public static async Task<long> LastSeqAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM change_log", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The rows after <paramref name="seq"/> and the rows numbered <paramref name="holes"/>, in order, with the
    /// bounds of the snapshot they were read in (one statement, one snapshot): the oldest transaction still running
    /// (<see cref="Read.Xmin"/>) and the first transaction id not yet assigned (<see cref="Read.Xmax"/>). Each row's
    /// age is taken on the database's clock at both ends, so clock skew between machines does not enter it.
    /// </summary>
    public static async Task<Read> ReadAsync(NpgsqlConnection connection, long seq, long[] holes, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH snapshot AS (SELECT pg_current_snapshot() AS s)
            SELECT pg_snapshot_xmin(snapshot.s)::text, pg_snapshot_xmax(snapshot.s)::text, c.seq, c.kind, c.key,
                   extract(epoch FROM clock_timestamp() - c.at)::float8
            FROM snapshot LEFT JOIN change_log c ON c.seq > $1 OR c.seq = ANY($2)
            ORDER BY c.seq
            """, connection);
        command.Parameters.Add(new() { Value = seq });
        command.Parameters.Add(new() { Value = holes });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<Change>();
        ulong xmin = 0, xmax = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            xmin = ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture);
            xmax = ulong.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
            if (!reader.IsDBNull(2))
            {
                changes.Add(new Change(reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetDouble(5)));
            }
        }

        return new Read(changes, xmin, xmax);
    }

    /// <summary>
    /// Whether rows after <paramref name="seq"/> may have been pruned: pruning removes the oldest rows first, so while
    /// row <paramref name="seq"/> (or one before it) is still there, nothing after it is gone. A gap in seq proves
    /// nothing (a rolled-back transaction leaves one too).
    /// </summary>
    public static async Task<bool> PrunedPastAsync(NpgsqlConnection connection, long seq, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM change_log WHERE seq <= $1) AND $1 > 0", connection);
        command.Parameters.Add(new() { Value = seq });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes rows older than <see cref="Retention"/>; returns how many.</summary>
    public static int Prune(NpgsqlDataSource dataSource, DateTimeOffset now)
    {
        using var command = dataSource.CreateCommand("DELETE FROM change_log WHERE at < $1");
        command.Parameters.Add(new() { Value = now - Retention });
        return command.ExecuteNonQuery();
    }

    /// <summary>One row, and how long ago (seconds, database clock) its transaction wrote it.</summary>
    public sealed record Change(long Seq, string Kind, string Key, double AgeSeconds);

    /// <summary>What one <see cref="ReadAsync"/> saw, and the snapshot it saw it in.</summary>
    public sealed record Read(IReadOnlyList<Change> Changes, ulong Xmin, ulong Xmax);
}
