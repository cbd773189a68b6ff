using Npgsql;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>Service users in PostgreSQL, table <c>service_users</c>; their audit entries go to <c>audit</c> in the same transaction.</summary>
public sealed class PostgreSqlServiceUserStore(NpgsqlDataSource dataSource) : IServiceUserStore
{
    private const string Columns = "id, name, role, teams, created_at, created_by, updated_at, deactivated_at";
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public bool TryInsert(ServiceUserRecord user, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(user);
        return PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        {
            // ON CONFLICT DO NOTHING waits for a concurrent insert of the same id and then skips: exactly one lands.
            var inserted = PostgreSqlSession.Execute(connection, transaction,
                $"INSERT INTO service_users ({Columns}) VALUES (@id, @name, @role, @teams, @created_at, @created_by, @updated_at, @deactivated_at) "
                + "ON CONFLICT (id) DO NOTHING",
                Parameters(user)) > 0;
            if (inserted)
            {
                AuditRows.Append(connection, transaction, audit);
            }

            return inserted;
        });
    }

    /// <inheritdoc />
    public ServiceUserRecord? FindById(string id) =>
        PostgreSqlSession.OnConnection(_dataSource, connection =>
            PostgreSqlSession.Query(connection, null, $"SELECT {Columns} FROM service_users WHERE id = @id", Read, ("id", id))).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<ServiceUserRecord> List() =>
        [.. PostgreSqlSession.OnConnection(_dataSource, connection =>
                PostgreSqlSession.Query(connection, null, $"SELECT {Columns} FROM service_users", Read))
            // Ordered here rather than in SQL, so the order is .NET's case-insensitive one whatever the database's collation.
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public bool Update(ServiceUserRecord user, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(user);
        return PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        {
            var updated = PostgreSqlSession.Execute(connection, transaction,
                "UPDATE service_users SET name = @name, role = @role, teams = @teams, created_at = @created_at, created_by = @created_by, "
                + "updated_at = @updated_at, deactivated_at = @deactivated_at WHERE id = @id",
                Parameters(user)) > 0;
            if (updated)
            {
                AuditRows.Append(connection, transaction, audit);
            }

            return updated;
        });
    }

    private static (string, object?)[] Parameters(ServiceUserRecord user) =>
    [
        ("id", user.Id), ("name", user.Name), ("role", user.Role.ToString()), ("teams", user.Teams.ToArray()),
        ("created_at", user.CreatedAt), ("created_by", user.CreatedBy), ("updated_at", user.UpdatedAt), ("deactivated_at", user.DeactivatedAt),
    ];

    private static ServiceUserRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.Text("id")!,
        Name = reader.Text("name")!,
        Role = reader.Enum<Role>("role")!.Value,
        Teams = [.. reader.GetFieldValue<string[]>(reader.GetOrdinal("teams"))],
        CreatedAt = reader.Time("created_at")!.Value,
        CreatedBy = reader.Text("created_by")!,
        UpdatedAt = reader.Time("updated_at")!.Value,
        DeactivatedAt = reader.Time("deactivated_at"),
    };
}
