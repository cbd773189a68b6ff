using System.Diagnostics;
using LiteDB;
using Npgsql;

namespace ScimGateway.Gateway.Tests.Storage;

/// <summary>
/// Runs <c>storage copy-to-postgres</c> as an operator does (the real executable), and counts both sides the way the
/// data lies: LiteDB collections in the data directory's file, rows in the PostgreSQL tables.
/// </summary>
internal static class CopyToPostgres
{
    /// <summary>The collections and tables the copy moves (LiteDB collection = PostgreSQL table), besides the secrets.</summary>
    public static readonly string[] Collections =
    [
        "tokens", "audit", "service_users", "expiry_warnings", "usage_minutes", "usage_flushes", "usage_hourly", "usage_daily",
        "scim_users", "scim_groups", "scim_memberships", "scim_outbox", "browser_sessions", "cli_consents", "job_watermarks",
    ];

    /// <summary>Runs the command with <c>ConnectionStrings:Postgres</c> set (and the default LiteDB provider).</summary>
    public static async Task<CliProcess.Result> RunAsync(string workingDirectory, string connectionString, params string[] extra)
    {
        var start = GatewayExecutable.StartInfo(workingDirectory, ["storage", "copy-to-postgres", .. extra],
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = connectionString });
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new CliProcess.Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Rows per collection in the data directory's database; no process may hold it.</summary>
    public static Dictionary<string, long> CountLiteDb(string dataDirectory)
    {
        using var database = Open(dataDirectory);
        return Collections.ToDictionary(c => c, c => database.GetCollection(c).LongCount(), StringComparer.Ordinal);
    }

    /// <summary>Rows per table in the database; an absent table counts -1.</summary>
    public static async Task<Dictionary<string, long>> CountPostgreSqlAsync(NpgsqlDataSource dataSource)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Collections.Append("signing_keys").Append("data_protection_keys"))
        {
            await using var exists = dataSource.CreateCommand($"SELECT to_regclass('{table}') IS NOT NULL");
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                counts[table] = -1;
                continue;
            }

            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Whether the database has any table of the gateway's at all (the migrations ran).</summary>
    public static async Task<bool> HasSchemaAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass('schema_migrations') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Opens the data directory's database as the gateway does.</summary>
    public static LiteDatabase Open(string dataDirectory) =>
        new(new ConnectionString { Filename = Path.Combine(dataDirectory, "gateway.db"), Connection = ConnectionType.Direct }, new BsonMapper()) { UtcDate = true };
}
