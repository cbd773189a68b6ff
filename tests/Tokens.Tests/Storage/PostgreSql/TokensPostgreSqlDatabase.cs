using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Tokens.Storage.PostgreSql;
using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>
/// One fresh database per test class with Tokens' migration scripts applied by the gateway's migrator, emptied before
/// each test (xunit runs a class's tests one at a time), so every contract test starts on an empty schema.
/// </summary>
public sealed class TokensPostgreSqlDatabase : IAsyncLifetime
{
    private const string Tables = "tokens, audit, service_users, expiry_warnings, usage_minutes, usage_flushes, usage_hourly, usage_daily";

    private readonly PostgreSqlDatabase _database = new();

    /// <summary>The database's connection string.</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The shared data source over the database.</summary>
    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        if (_database.ConnectionString.Length == 0)
        {
            return;
        }

        // The gateway's scripts first: tokens' change-feed triggers (0090) append to the gateway's change_log.
        var modules = MigrationModule.All.Where(m => m.Name is "gateway" or "tokens").ToArray();
        await new PostgreSqlMigrator(_database.DataSource, MigrationScripts.Load(modules), TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public Task DisposeAsync() => _database.DisposeAsync();

    /// <summary>Every Tokens store on the emptied database.</summary>
    public TokenStoreSet OpenEmpty()
    {
        using (var truncate = DataSource.CreateCommand($"TRUNCATE {Tables} RESTART IDENTITY"))
        {
            truncate.ExecuteNonQuery();
        }

        return Open(DataSource);
    }

    /// <summary>Every Tokens store on <paramref name="dataSource"/>, as a node opens them.</summary>
    public static TokenStoreSet Open(NpgsqlDataSource dataSource) => new(
        new PostgreSqlTokenStore(dataSource),
        new PostgreSqlUsageStore(dataSource),
        new PostgreSqlAuditStore(dataSource),
        new PostgreSqlServiceUserStore(dataSource),
        new PostgreSqlExpiryWarningStore(dataSource),
        () => { });
}
