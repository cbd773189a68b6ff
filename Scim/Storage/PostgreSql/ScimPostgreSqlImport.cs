using Npgsql;
using NpgsqlTypes;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>
/// Writes a <see cref="ScimExport"/> into the SCIM PostgreSQL tables with binary COPY, on the caller's connection and
/// in the caller's transaction, keeping ids, versions, timestamps and outbox sequence numbers.
/// </summary>
public static class ScimPostgreSqlImport
{
    /// <summary>The SCIM tables, in the order they are written (groups before their memberships); the keys of <see cref="ScimExport.Counts"/>.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["scim_users", "scim_groups", "scim_memberships", "scim_outbox"];

    /// <summary>Copies every table; the caller commits or rolls back.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, ScimExport data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(data);

        // The membership trigger (0090_change_feed.sql) would append one change_log row and one NOTIFY per copied
        // membership: 50,000 for one large group, announcing changes to owners no node has cached, since the target
        // was empty. Disabled for this transaction only: ALTER TABLE is transactional, it is enabled again before the
        // commit, and a rollback restores it too. USER leaves the foreign key's own triggers on, so memberships are
        // still checked against their groups.
        await ExecuteAsync(connection, "ALTER TABLE scim_memberships DISABLE TRIGGER USER", cancellationToken);
        await BinaryCopy.WriteAsync(connection,
            "scim_users (id, user_name, user_name_key, external_id, display_name, display_name_key, primary_email, email_keys, active, local, roles, resource, version, created, last_modified)",
            data.Users, WriteUserAsync, cancellationToken);
        await BinaryCopy.WriteAsync(connection,
            "scim_groups (id, display_name, display_name_key, external_id, resource, version, created, last_modified)",
            data.Groups, WriteGroupAsync, cancellationToken);
        await BinaryCopy.WriteAsync(connection, "scim_memberships (group_id, member_id, member_type, display)", data.Memberships,
            async (row, m, ct) =>
            {
                await row.WriteAsync(m.GroupId, NpgsqlDbType.Text, ct);
                await row.WriteAsync(m.MemberId, NpgsqlDbType.Text, ct);
                await row.WriteAsync(m.MemberType, NpgsqlDbType.Text, ct);
                await BinaryCopy.WriteTextAsync(row, m.Display, ct);
            }, cancellationToken);
        await BinaryCopy.WriteAsync(connection, "scim_outbox (sequence, kind, user_id)", data.Outbox, async (row, e, ct) =>
        {
            await row.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, ct);
            await row.WriteAsync((short)e.Event.Kind, NpgsqlDbType.Smallint, ct);
            await row.WriteAsync(e.Event.UserId, NpgsqlDbType.Text, ct);
        }, cancellationToken);
        await ExecuteAsync(connection, "ALTER TABLE scim_memberships ENABLE TRIGGER USER", cancellationToken);

        // COPY takes the given sequence numbers without advancing the identity; new events must come after them.
        await ExecuteAsync(connection,
            "SELECT setval(pg_get_serial_sequence('scim_outbox', 'sequence'), coalesce(max(sequence), 0) + 1, false) FROM scim_outbox", cancellationToken);
    }

    private static async Task WriteUserAsync(NpgsqlBinaryImporter row, ScimUserRecord u, CancellationToken ct)
    {
        await row.WriteAsync(u.Id, NpgsqlDbType.Text, ct);
        await row.WriteAsync(u.UserName, NpgsqlDbType.Text, ct);
        await row.WriteAsync(u.UserNameKey, NpgsqlDbType.Text, ct);
        await BinaryCopy.WriteTextAsync(row, u.ExternalId, ct);
        await BinaryCopy.WriteTextAsync(row, u.DisplayName, ct);
        await BinaryCopy.WriteTextAsync(row, u.DisplayNameKey, ct);
        await BinaryCopy.WriteTextAsync(row, u.PrimaryEmail, ct);
        await row.WriteAsync(u.EmailKeys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await row.WriteAsync(u.Active, NpgsqlDbType.Boolean, ct);
        await row.WriteAsync(u.Local, NpgsqlDbType.Boolean, ct);
        await row.WriteAsync(u.Roles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await row.WriteAsync(u.Resource, NpgsqlDbType.Text, ct);
        await row.WriteAsync(u.Version, NpgsqlDbType.Bigint, ct);
        await BinaryCopy.WriteTimeAsync(row, u.Created, ct);
        await BinaryCopy.WriteTimeAsync(row, u.LastModified, ct);
    }

    private static async Task WriteGroupAsync(NpgsqlBinaryImporter row, ScimGroupRecord g, CancellationToken ct)
    {
        await row.WriteAsync(g.Id, NpgsqlDbType.Text, ct);
        await row.WriteAsync(g.DisplayName, NpgsqlDbType.Text, ct);
        await row.WriteAsync(g.DisplayNameKey, NpgsqlDbType.Text, ct);
        await BinaryCopy.WriteTextAsync(row, g.ExternalId, ct);
        await row.WriteAsync(g.Resource, NpgsqlDbType.Text, ct);
        await row.WriteAsync(g.Version, NpgsqlDbType.Bigint, ct);
        await BinaryCopy.WriteTimeAsync(row, g.Created, ct);
        await BinaryCopy.WriteTimeAsync(row, g.LastModified, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
