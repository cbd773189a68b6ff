using Npgsql;
using ScimGateway.Gateway.Authentication.Sessions;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>Browser sessions in the <c>browser_sessions</c> table, so a cookie issued by one node works on every node.</summary>
internal sealed class PostgreSqlBrowserSessionStore(NpgsqlDataSource dataSource) : IBrowserSessionStore
{
    public void Insert(BrowserSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var command = dataSource.CreateCommand(
            "INSERT INTO browser_sessions (id, owner_id, method, token_id, created_at, expires_at, ended_at, end_reason) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new() { Value = session.Id });
        command.Parameters.Add(new() { Value = session.OwnerId });
        command.Parameters.Add(new() { Value = session.Method });
        command.Parameters.Add(new() { Value = (object?)session.TokenId ?? DBNull.Value });
        command.Parameters.Add(new() { Value = Utc(session.CreatedAt) });
        command.Parameters.Add(new() { Value = Utc(session.ExpiresAt) });
        command.Parameters.Add(new() { Value = session.EndedAt is { } ended ? Utc(ended) : DBNull.Value });
        command.Parameters.Add(new() { Value = (object?)session.EndReason ?? DBNull.Value });
        command.ExecuteNonQuery();
    }

    public BrowserSessionRecord? FindById(string id)
    {
        using var command = dataSource.CreateCommand(
            "SELECT id, owner_id, method, token_id, created_at, expires_at, ended_at, end_reason FROM browser_sessions WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new BrowserSessionRecord
        {
            Id = reader.GetString(0),
            OwnerId = reader.GetString(1),
            Method = reader.GetString(2),
            TokenId = reader.IsDBNull(3) ? null : reader.GetString(3),
            CreatedAt = reader.GetFieldValue<DateTime>(4),
            ExpiresAt = reader.GetFieldValue<DateTime>(5),
            EndedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTime>(6),
            EndReason = reader.IsDBNull(7) ? null : reader.GetString(7),
        };
    }

    public bool End(string id, string reason, DateTime at)
    {
        // One statement: of two nodes ending the same session at once, exactly one sees true.
        using var command = dataSource.CreateCommand(
            "UPDATE browser_sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = Utc(at) });
        command.Parameters.Add(new() { Value = reason });
        return command.ExecuteNonQuery() == 1;
    }

    public int DeleteExpired(DateTime before)
    {
        using var command = dataSource.CreateCommand("DELETE FROM browser_sessions WHERE expires_at < $1");
        command.Parameters.Add(new() { Value = Utc(before) });
        return command.ExecuteNonQuery();
    }

    // timestamptz takes UTC DateTimes only; callers pass UTC, an Unspecified kind is read as UTC as LiteDB did.
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
