using Npgsql;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// Brings the database's schema up to this node's scripts. Nodes that start together serialize on a session-level
/// advisory lock held on one connection, so each script runs exactly once; each script and its
/// <c>schema_migrations</c> row commit in one transaction, so a failed script leaves nothing half applied. Before
/// applying anything it refuses a schema this node does not know: a module version it has no script for, or an
/// applied script whose text changed.
/// </summary>
public sealed class PostgreSqlMigrator(NpgsqlDataSource dataSource, IReadOnlyList<MigrationScript> scripts, TimeProvider clock, ILogger<PostgreSqlMigrator> logger)
{
    /// <summary>The advisory lock key of migrations (any constant; the same on every node and release).</summary>
    public const long LockKey = 0x5C1A_6A7E_0000_0001;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module     text        NOT NULL,
            version    integer     NOT NULL,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL,
            checksum   text        NOT NULL,
            PRIMARY KEY (module, version)
        )
        """;

    /// <summary>Applies the scripts not yet applied, in order, and returns them (empty when the schema was up to date).</summary>
    /// <exception cref="SchemaMismatchException">The schema is newer than this node's, or an applied script changed.</exception>
    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        PostgreSqlMigrationLog.WaitingForLock(logger);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, CreateTable, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            Check(applied);
            var pending = scripts.Where(s => !applied.ContainsKey((s.Module, s.Version))).ToList();
            foreach (var script in pending)
            {
                await ApplyAsync(connection, script, cancellationToken);
                PostgreSqlMigrationLog.Applied(logger, script.Module, script.Version, script.Name);
            }

            if (pending.Count == 0)
            {
                PostgreSqlMigrationLog.UpToDate(logger, applied.Count);
            }

            return pending;
        }
        finally
        {
            // Closing the connection would release it too, but a pooled connection stays open.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private void Check(Dictionary<(string Module, int Version), AppliedScript> applied)
    {
        var known = scripts.ToDictionary(s => (s.Module, s.Version));
        var problems = new List<string>();
        foreach (var module in applied.Values.GroupBy(a => a.Module).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var unknown = module.Where(a => !known.ContainsKey((a.Module, a.Version))).OrderBy(a => a.Version).ToList();
            if (unknown.Count > 0)
            {
                var nodeVersion = scripts.Where(s => s.Module == module.Key).Select(s => s.Version).DefaultIfEmpty(0).Max();
                var databaseVersion = module.Max(a => a.Version);
                problems.Add(
                    $"The database's '{module.Key}' schema is at version {databaseVersion}, newer than this node knows (version {nodeVersion}; "
                    + $"it has no script for {string.Join(", ", unknown.Select(a => $"{a.Version:D4}_{a.Name}"))}). Run a release of the gateway that has these migrations.");
            }

            foreach (var changed in module.Where(a => known.TryGetValue((a.Module, a.Version), out var s) && s.Checksum != a.Checksum).OrderBy(a => a.Version))
            {
                problems.Add(
                    $"The '{changed.Module}' migration {changed.Version:D4}_{changed.Name} was applied with checksum {changed.Checksum}, but this node's script "
                    + $"has checksum {known[(changed.Module, changed.Version)].Checksum}: an applied script must never change; add a new script instead.");
            }
        }

        if (problems.Count > 0)
        {
            throw new SchemaMismatchException("Refusing to use this PostgreSQL database: " + string.Join(" ", problems));
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var run = new NpgsqlCommand(script.Sql, connection, transaction))
        {
            await run.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (module, version, name, applied_at, checksum) VALUES ($1, $2, $3, $4, $5)", connection, transaction))
        {
            record.Parameters.Add(new() { Value = script.Module });
            record.Parameters.Add(new() { Value = script.Version });
            record.Parameters.Add(new() { Value = script.Name });
            record.Parameters.Add(new() { Value = clock.GetUtcNow() });
            record.Parameters.Add(new() { Value = script.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<(string Module, int Version), AppliedScript>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<(string, int), AppliedScript>();
        await using var command = new NpgsqlCommand("SELECT module, version, name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new AppliedScript(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
            applied[(row.Module, row.Version)] = row;
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record AppliedScript(string Module, int Version, string Name, string Checksum);
}
