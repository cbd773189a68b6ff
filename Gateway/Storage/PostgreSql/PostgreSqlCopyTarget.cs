using Npgsql;
using NpgsqlTypes;
using ScimGateway.Gateway.Storage.Copy;
using ScimGateway.Jobs.Storage.PostgreSql;
using ScimGateway.Scim.Storage.PostgreSql;
using ScimGateway.Tokens.Storage.PostgreSql;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// A migrated PostgreSQL database as the target of <c>storage copy-to-postgres</c>: one connection, one transaction;
/// each module writes its own tables, the gateway its own and the shared secrets.
/// </summary>
public sealed class PostgreSqlCopyTarget : ICopyTarget
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgreSqlCopyTarget(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _dataSource = dataSource;
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>
    /// Every table the copy writes. Any row in one of them means the database is in use: a node that started on it
    /// has made <c>signing_keys</c> and <c>data_protection_keys</c> rows even before anyone called it.
    /// </summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        .. TokensPostgreSqlImport.Tables, .. ScimPostgreSqlImport.Tables, JobWatermarksPostgreSqlImport.Table,
        StorageCopy.BrowserSessionsTable, StorageCopy.CliConsentsTable, StorageCopy.SigningKeysTable, StorageCopy.DataProtectionKeysTable,
    ];

    /// <summary>Opens a connection and begins the copy's transaction.</summary>
    public static async Task<PostgreSqlCopyTarget> BeginAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new PostgreSqlCopyTarget(dataSource, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken cancellationToken) => CountAsync(_connection, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CountCommittedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await CountAsync(connection, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(CopySource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await TokensPostgreSqlImport.WriteAsync(_connection, source.Tokens, cancellationToken);
        await ScimPostgreSqlImport.WriteAsync(_connection, source.Scim, cancellationToken);
        await JobWatermarksPostgreSqlImport.WriteAsync(_connection, source.JobWatermarks, cancellationToken);
        await WriteGatewayAsync(source, cancellationToken);
    }

    /// <inheritdoc />
    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    /// <summary>Rolls back unless committed, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task WriteGatewayAsync(CopySource source, CancellationToken cancellationToken)
    {
        await using (var sessions = await _connection.BeginBinaryImportAsync(
            "COPY browser_sessions (id, owner_id, method, token_id, created_at, expires_at, ended_at, end_reason) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var session in source.Gateway.BrowserSessions)
            {
                await sessions.StartRowAsync(cancellationToken);
                await sessions.WriteAsync(session.Id, NpgsqlDbType.Text, cancellationToken);
                await sessions.WriteAsync(session.OwnerId, NpgsqlDbType.Text, cancellationToken);
                await sessions.WriteAsync(session.Method, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(sessions, session.TokenId, NpgsqlDbType.Text, cancellationToken);
                await sessions.WriteAsync(Utc(session.CreatedAt), NpgsqlDbType.TimestampTz, cancellationToken);
                await sessions.WriteAsync(Utc(session.ExpiresAt), NpgsqlDbType.TimestampTz, cancellationToken);
                if (session.EndedAt is { } ended)
                {
                    await sessions.WriteAsync(Utc(ended), NpgsqlDbType.TimestampTz, cancellationToken);
                }
                else
                {
                    await sessions.WriteNullAsync(cancellationToken);
                }

                await WriteNullableAsync(sessions, session.EndReason, NpgsqlDbType.Text, cancellationToken);
            }

            await sessions.CompleteAsync(cancellationToken);
        }

        await using var batch = new NpgsqlBatch(_connection, _transaction);
        foreach (var consent in source.Gateway.CliConsents)
        {
            batch.BatchCommands.Add(Command("INSERT INTO cli_consents (id, expires_at) VALUES ($1, $2)", consent.Id, Utc(consent.ExpiresAt)));
        }

        if (source.SigningKey is { } material)
        {
            batch.BatchCommands.Add(Command("INSERT INTO signing_keys (id, material, created_at) VALUES ($1, $2, now())", PostgreSqlSigningKey.TokenSigningKeyId, material));
        }

        foreach (var key in source.DataProtectionKeys)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES ($1, $2, $3)", key.FriendlyName, key.Xml, Utc(key.CreatedAt)));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // One statement, one snapshot: every count is of the same moment. The names are this class's constants.
        var sql = "SELECT " + string.Join(", ", Tables.Select(t => $"(SELECT count(*) FROM {t})"));
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Tables.Select((table, i) => (table, reader.GetInt64(i))).ToDictionary(p => p.table, p => p.Item2, StringComparer.Ordinal);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return command;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter row, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? row.WriteNullAsync(cancellationToken) : row.WriteAsync(value, type, cancellationToken);

    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
