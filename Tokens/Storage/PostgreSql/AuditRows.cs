using Npgsql;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>Reading and appending audit rows, shared by the stores whose changes write their entry in the same transaction.</summary>
internal static class AuditRows
{
    public const string Columns = "id, at, actor, actor_kind, actor_role, action, target, client_address, detail";

    /// <summary>Appends an entry and sets its id, from the table's identity (so later entries have greater ids).</summary>
    public static void Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var command = PostgreSqlSession.Command(connection, transaction,
            "INSERT INTO audit (at, actor, actor_kind, actor_role, action, target, client_address, detail) "
            + "VALUES (@at, @actor, @actor_kind, @actor_role, @action, @target, @client_address, @detail) RETURNING id",
            ("at", record.At), ("actor", record.Actor), ("actor_kind", record.ActorKind), ("actor_role", record.ActorRole),
            ("action", record.Action), ("target", record.Target), ("client_address", record.ClientAddress), ("detail", record.Detail));
        record.Id = (long)command.ExecuteScalar()!;
    }

    /// <summary>One audit row.</summary>
    public static AuditRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(reader.GetOrdinal("id")),
        At = reader.Time("at")!.Value,
        Actor = reader.Text("actor")!,
        ActorKind = reader.Text("actor_kind"),
        ActorRole = reader.Text("actor_role"),
        Action = reader.Text("action")!,
        Target = reader.Text("target")!,
        ClientAddress = reader.Text("client_address"),
        Detail = reader.Text("detail"),
    };
}
