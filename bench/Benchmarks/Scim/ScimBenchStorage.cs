using Npgsql;

namespace ScimGateway.Benchmarks.Scim;

/// <summary>
/// Where the SCIM run keeps its data: a LiteDB data directory in a temp folder (the default), or, with
/// <c>--provider postgresql</c>, a fresh database on the server of <c>--connection-string</c> (else
/// <c>SCIMGATEWAY_TEST_POSTGRES</c>, else <c>ConnectionStrings__Postgres</c>), created here and dropped at dispose, so a
/// run never sees an earlier run's rows and never touches the database it was pointed at.
/// </summary>
internal sealed class ScimBenchStorage : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string? _server;
    private readonly string? _database;

    private ScimBenchStorage(string directory, string? server, string? database, string[] settings, string description)
    {
        _directory = directory;
        _server = server;
        _database = database;
        Settings = settings;
        Description = description;
    }

    /// <summary>The gateway's command-line settings that select this storage.</summary>
    public string[] Settings { get; }

    /// <summary>One line for the output: the provider and where its data is.</summary>
    public string Description { get; }

    public static async Task<ScimBenchStorage> CreateAsync(string provider, string? connectionString)
    {
        var directory = Path.Combine(Path.GetTempPath(), "scimgateway-scimbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (string.Equals(provider, "litedb", StringComparison.OrdinalIgnoreCase))
        {
            return new ScimBenchStorage(directory, null, null, [$"--Storage:DataDirectory={directory}"], $"LiteDB, data directory {directory}");
        }

        if (!string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--provider is litedb or postgresql, not '{provider}'.", nameof(provider));
        }

        var server = connectionString
            ?? Environment.GetEnvironmentVariable("SCIMGATEWAY_TEST_POSTGRES")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? throw new ArgumentException("--provider postgresql needs --connection-string, SCIMGATEWAY_TEST_POSTGRES or ConnectionStrings__Postgres.", nameof(connectionString));
        var database = "scimbench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        // The data directory is still given so that nothing the run does can fall back to the working directory.
        return new ScimBenchStorage(directory, server, database,
            ["--Storage:Provider=PostgreSql", $"--ConnectionStrings:Postgres={builder.ConnectionString}", $"--Storage:DataDirectory={directory}"],
            $"PostgreSQL, database {database} on {builder.Host}:{builder.Port}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null && _database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
