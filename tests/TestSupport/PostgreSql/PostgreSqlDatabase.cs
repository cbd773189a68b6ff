using Npgsql;
using Xunit;

namespace ScimGateway.TestSupport.PostgreSql;

/// <summary>
/// A fresh, empty database on the test server, dropped at dispose, so test classes run in parallel without seeing each
/// other's data. Use it as a class fixture (<c>IClassFixture&lt;PostgreSqlDatabase&gt;</c>: one database per class) or
/// per test (<c>await using var db = await PostgreSqlDatabase.CreateAsync();</c>).
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncLifetime, IAsyncDisposable
{
    private NpgsqlDataSource? dataSource;

    /// <summary>The database's name: <c>test_</c> and 32 hex digits.</summary>
    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N");

    /// <summary>An Npgsql connection string of this database (the server's, with the database replaced).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A data source over this database, created on first use and disposed with the database.</summary>
    public NpgsqlDataSource DataSource => dataSource ??= NpgsqlDataSource.Create(ConnectionString);

    /// <summary>Creates a database; dispose it to drop it.</summary>
    public static async Task<PostgreSqlDatabase> CreateAsync()
    {
        var database = new PostgreSqlDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (PostgreSqlTestServer.ShouldSkip)
        {
            // Used as a class fixture of skipped tests: nothing to create, and no reason to fail the class.
            return;
        }

        var server = PostgreSqlTestServer.RequireConnectionString();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    /// <summary>Drops the database, closing what is still connected to it (pools included).</summary>
    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }

        if (ConnectionString.Length == 0)
        {
            return;
        }

        // Only this database's pool: other tests' pools stay as they are.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(PostgreSqlTestServer.RequireConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
