using Npgsql;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>
/// What the PostgreSQL stores share: commands on a pooled connection, a store call's writes as one transaction, and
/// UTC for every timestamp (Npgsql refuses an unspecified kind for <c>timestamptz</c>; LiteDB treats it as UTC, so do we).
/// </summary>
internal static class PostgreSqlSession
{
    /// <summary>SQLSTATE of a unique-index violation.</summary>
    public const string UniqueViolation = "23505";

    /// <summary>Runs <paramref name="work"/> on one connection, in one transaction committed when it returns.</summary>
    public static T InTransaction<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on one connection, each statement committing on its own.</summary>
    public static T OnConnection<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, T> work)
    {
        using var connection = dataSource.OpenConnection();
        return work(connection);
    }

    /// <summary>A command with named parameters (<c>@name</c>), null values sent as SQL NULL.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                DateTime time => Utc(time),
                _ => value,
            });
        }

        return command;
    }

    /// <summary>Runs a statement; returns the rows it touched.</summary>
    public static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Reads every row of a query.</summary>
    public static List<T> Query<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read,
        params (string Name, object? Value)[] parameters)
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

    /// <summary>The instant as UTC; an unspecified kind is taken to be UTC already.</summary>
    public static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    /// <summary>A nullable text column.</summary>
    public static string? Text(this NpgsqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>A nullable timestamptz column, as UTC.</summary>
    public static DateTime? Time(this NpgsqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    /// <summary>A nullable enum kept as its name.</summary>
    public static TEnum? Enum<TEnum>(this NpgsqlDataReader reader, string column)
        where TEnum : struct, System.Enum =>
        reader.Text(column) is { } name ? System.Enum.Parse<TEnum>(name) : null;
}
