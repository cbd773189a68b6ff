using Npgsql;
using NpgsqlTypes;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>
/// Writes a <see cref="TokensExport"/> into Tokens' PostgreSQL tables with binary COPY, on the caller's connection and
/// in the caller's transaction, keeping ids (audit ids included, so the trail keeps its order) and moving the audit
/// identity past them.
/// </summary>
public static class TokensPostgreSqlImport
{
    /// <summary>Tokens' tables, in the order they are written; the keys of <see cref="TokensExport.Counts"/>.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["service_users", "tokens", "audit", "expiry_warnings", "usage_minutes", "usage_flushes", "usage_hourly", "usage_daily"];

    /// <summary>Copies every table; the caller commits or rolls back.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, TokensExport data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);
        await BinaryCopy.WriteAsync(connection, "service_users (id, name, role, teams, created_at, created_by, updated_at, deactivated_at)", data.ServiceUsers,
            async (row, u, ct) =>
            {
                await row.WriteAsync(u.Id, NpgsqlDbType.Text, ct);
                await row.WriteAsync(u.Name, NpgsqlDbType.Text, ct);
                await row.WriteAsync(u.Role.ToString(), NpgsqlDbType.Text, ct);
                await row.WriteAsync(u.Teams.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await BinaryCopy.WriteTimeAsync(row, u.CreatedAt, ct);
                await row.WriteAsync(u.CreatedBy, NpgsqlDbType.Text, ct);
                await BinaryCopy.WriteTimeAsync(row, u.UpdatedAt, ct);
                await BinaryCopy.WriteTimeAsync(row, u.DeactivatedAt, ct);
            }, cancellationToken);
        await BinaryCopy.WriteAsync(connection, $"tokens ({TokenRows.Columns})", data.Tokens, WriteTokenAsync, cancellationToken);
        await BinaryCopy.WriteAsync(connection, $"audit ({AuditRows.Columns})", data.Audit, async (row, a, ct) =>
        {
            await row.WriteAsync(a.Id, NpgsqlDbType.Bigint, ct);
            await BinaryCopy.WriteTimeAsync(row, a.At, ct);
            await row.WriteAsync(a.Actor, NpgsqlDbType.Text, ct);
            await BinaryCopy.WriteTextAsync(row, a.ActorKind, ct);
            await BinaryCopy.WriteTextAsync(row, a.ActorRole, ct);
            await row.WriteAsync(a.Action, NpgsqlDbType.Text, ct);
            await row.WriteAsync(a.Target, NpgsqlDbType.Text, ct);
            await BinaryCopy.WriteTextAsync(row, a.ClientAddress, ct);
            await BinaryCopy.WriteTextAsync(row, a.Detail, ct);
        }, cancellationToken);
        await BinaryCopy.WriteAsync(connection, "expiry_warnings (token_id, threshold_days, logged_at, delivered_at, gave_up_at, failed_runs)", data.ExpiryWarnings,
            async (row, w, ct) =>
            {
                await row.WriteAsync(w.TokenId, NpgsqlDbType.Text, ct);
                await row.WriteAsync(w.ThresholdDays, NpgsqlDbType.Integer, ct);
                await BinaryCopy.WriteTimeAsync(row, w.LoggedAt, ct);
                await BinaryCopy.WriteTimeAsync(row, w.DeliveredAt, ct);
                await BinaryCopy.WriteTimeAsync(row, w.GaveUpAt, ct);
                await row.WriteAsync(w.FailedRuns, NpgsqlDbType.Integer, ct);
            }, cancellationToken);

        // A LiteDB bucket has no flush id of its own; its key stands in, marked so it never matches a node's flush.
        await BinaryCopy.WriteAsync(connection,
            "usage_minutes (node_id, flush_id, token_id, minute, success, client_error, server_error, last_used_at, last_used_address)", data.UsageMinutes,
            async (row, b, ct) =>
            {
                await row.WriteAsync(b.NodeId, NpgsqlDbType.Text, ct);
                await row.WriteAsync("copied:" + b.Id, NpgsqlDbType.Text, ct);
                await row.WriteAsync(b.TokenId, NpgsqlDbType.Text, ct);
                await BinaryCopy.WriteTimeAsync(row, b.Minute, ct);
                await WriteCountsAsync(row, b.Success, b.ClientError, b.ServerError, b.LastUsedAt, b.LastUsedAddress, ct);
            }, cancellationToken);
        await BinaryCopy.WriteAsync(connection, "usage_flushes (node_id, flush_id, applied_at)", data.UsageFlushes, async (row, f, ct) =>
        {
            await row.WriteAsync(f.NodeId, NpgsqlDbType.Text, ct);
            await row.WriteAsync(f.FlushId, NpgsqlDbType.Text, ct);
            await BinaryCopy.WriteTimeAsync(row, f.AppliedAt, ct);
        }, cancellationToken);
        foreach (var (table, rollups) in new[] { ("usage_hourly", data.UsageHourly), ("usage_daily", data.UsageDaily) })
        {
            await BinaryCopy.WriteAsync(connection,
                $"{table} (token_id, period, success, client_error, server_error, last_used_at, last_used_address)", rollups,
                async (row, r, ct) =>
                {
                    await row.WriteAsync(r.TokenId, NpgsqlDbType.Text, ct);
                    await BinaryCopy.WriteTimeAsync(row, r.Period, ct);
                    await WriteCountsAsync(row, r.Success, r.ClientError, r.ServerError, r.LastUsedAt, r.LastUsedAddress, ct);
                }, cancellationToken);
        }

        // COPY takes the given audit ids without advancing the identity; the next entry a node appends must come after them.
        await using var identity = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('audit', 'id'), coalesce(max(id), 0) + 1, false) FROM audit", connection);
        await identity.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task WriteTokenAsync(NpgsqlBinaryImporter row, TokenRecord t, CancellationToken ct)
    {
        await row.WriteAsync(t.Id, NpgsqlDbType.Text, ct);
        await row.WriteAsync(t.Hash, NpgsqlDbType.Text, ct);
        await row.WriteAsync(t.Name, NpgsqlDbType.Text, ct);
        await row.WriteAsync(t.OwnerNameKey, NpgsqlDbType.Text, ct);
        await row.WriteAsync(t.OwnerId, NpgsqlDbType.Text, ct);
        await row.WriteAsync(t.OwnerKind.ToString(), NpgsqlDbType.Text, ct);
        await row.WriteAsync(t.ScimOnly, NpgsqlDbType.Boolean, ct);
        await BinaryCopy.WriteTimeAsync(row, t.CreatedAt, ct);
        await row.WriteAsync(t.CreatedBy, NpgsqlDbType.Text, ct);
        await BinaryCopy.WriteTimeAsync(row, t.ExpiresAt, ct);
        await BinaryCopy.WriteTimeAsync(row, t.RevokedAt, ct);
        await BinaryCopy.WriteTextAsync(row, t.RevokedBy, ct);
        await BinaryCopy.WriteTextAsync(row, t.RevokedByKind?.ToString(), ct);
        await BinaryCopy.WriteTextAsync(row, t.RevokedByRole?.ToString(), ct);
        await BinaryCopy.WriteTimeAsync(row, t.ExpiredAt, ct);
        await row.WriteAsync(t.Version, NpgsqlDbType.Bigint, ct);
        await BinaryCopy.WriteTimeAsync(row, t.LastUsedAt, ct);
        await BinaryCopy.WriteTextAsync(row, t.LastUsedAddress, ct);
    }

    private static async Task WriteCountsAsync(NpgsqlBinaryImporter row, long success, long clientError, long serverError, DateTime lastUsedAt, string? address, CancellationToken ct)
    {
        await row.WriteAsync(success, NpgsqlDbType.Bigint, ct);
        await row.WriteAsync(clientError, NpgsqlDbType.Bigint, ct);
        await row.WriteAsync(serverError, NpgsqlDbType.Bigint, ct);
        await BinaryCopy.WriteTimeAsync(row, lastUsedAt, ct);
        await BinaryCopy.WriteTextAsync(row, address, ct);
    }
}
