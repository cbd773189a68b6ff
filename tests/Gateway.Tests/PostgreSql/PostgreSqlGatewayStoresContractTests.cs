using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.CliLogin;
using ScimGateway.Gateway.Health;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Gateway.Tests.Contracts;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>A fresh database per test class with every module's migrations applied by the gateway's migrator.</summary>
public sealed class MigratedPostgreSqlDatabase : IAsyncLifetime
{
    /// <summary>The database.</summary>
    public PostgreSqlDatabase Database { get; } = new();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (PostgreSqlTestServer.ShouldSkip)
        {
            return;
        }

        await new PostgreSqlMigrator(Database.DataSource, MigrationScripts.Load(MigrationModule.All), TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
    }

    /// <summary>Empties one table, so each test of a class starts from a fresh store.</summary>
    public void Truncate(string table)
    {
        using var command = Database.DataSource.CreateCommand($"TRUNCATE {table}");
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Database.DisposeAsync();
}

/// <summary>The browser-session contract on PostgreSQL.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlBrowserSessionStoreContractTests(MigratedPostgreSqlDatabase database)
    : BrowserSessionStoreContract, IClassFixture<MigratedPostgreSqlDatabase>
{
    protected override IBrowserSessionStore CreateStore()
    {
        database.Truncate("browser_sessions");
        return new PostgreSqlBrowserSessionStore(database.Database.DataSource);
    }
}

/// <summary>The consent-ledger contract on PostgreSQL: the parallel-spend fact runs on one pool, as nodes would on theirs.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlCliConsentLedgerContractTests(MigratedPostgreSqlDatabase database)
    : CliConsentLedgerContract, IClassFixture<MigratedPostgreSqlDatabase>
{
    protected override ICliConsentLedger CreateLedger()
    {
        database.Truncate("cli_consents");
        return new PostgreSqlCliConsentLedger(database.Database.DataSource, new FakeTimeProvider(Now));
    }
}

/// <summary>The storage-probe contract on PostgreSQL; breaking it disposes the probe's own data source.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlStorageProbeContractTests(MigratedPostgreSqlDatabase database)
    : StorageProbeContract, IClassFixture<MigratedPostgreSqlDatabase>, IDisposable
{
    private NpgsqlDataSource? _dataSource;

    protected override IStorageProbe CreateProbe()
    {
        _dataSource = NpgsqlDataSource.Create(database.Database.ConnectionString);
        return new PostgreSqlStorageProbe(_dataSource);
    }

    protected override void BreakStorage() => _dataSource?.Dispose();

    public void Dispose() => _dataSource?.Dispose();
}
