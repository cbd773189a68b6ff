using Npgsql;
using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>
/// What the SCIM PostgreSQL stores share: one transaction per store call on a pooled connection, parameters, and the
/// outbox insert that joins the caller's transaction.
/// </summary>
internal static class PostgreSqlScim
{
    /// <summary>The unique index of user names (0001_scim.sql); a 23505 naming it is a taken user name.</summary>
    public const string UserNameIndex = "scim_users_user_name_key_unique";

    /// <summary>The unique index of group names.</summary>
    public const string GroupNameIndex = "scim_groups_display_name_key_unique";

    /// <summary>Runs <paramref name="work"/> in one transaction and commits, or rolls back (by disposal) and rethrows.</summary>
    public static T InTransaction<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Whether <paramref name="ex"/> is a unique violation of <paramref name="constraint"/>.</summary>
    public static bool IsUniqueViolation(PostgresException ex, string constraint) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == constraint;

    /// <summary>A command on the connection, in the transaction when there is one.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement; returns the rows it touched.</summary>
    public static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public static List<T> Query<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Reads every row on a connection of its own (no transaction: one statement sees one snapshot).</summary>
    public static List<T> Query<T>(NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = dataSource.OpenConnection();
        return Query(connection, null, sql, read, parameters);
    }

    /// <summary>One value on a connection of its own.</summary>
    public static object? Scalar(NpgsqlDataSource dataSource, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = dataSource.OpenConnection();
        using var command = Command(connection, null, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>Records events in the outbox, in the caller's transaction, in the order given.</summary>
    public static void Record(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<ProvisioningEvent> events)
    {
        var list = events.ToList();
        if (list.Count == 0)
        {
            return;
        }

        // WITH ORDINALITY keeps the given order in the identity values.
        Execute(connection, transaction,
            "INSERT INTO scim_outbox (kind, user_id) SELECT k, u FROM unnest(@kinds, @users) WITH ORDINALITY AS e(k, u, n) ORDER BY n",
            ("kinds", list.Select(e => (short)e.Kind).ToArray()), ("users", list.Select(e => e.UserId).ToArray()));
    }

    /// <summary>A timestamp as PostgreSQL's timestamptz wants it (UTC kind).</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
