using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Scim.Storage.PostgreSql;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>
/// One fresh PostgreSQL database per test class, migrated with the gateway's migrator (every module's scripts, as a
/// node applies them); each test starts from empty SCIM tables.
/// </summary>
public sealed class ScimPostgreSqlDatabase : IAsyncLifetime
{
    private readonly PostgreSqlDatabase _database = new();

    /// <summary>The database's data source.</summary>
    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        if (!PostgreSqlTestServer.ShouldSkip)
        {
            await new PostgreSqlMigrator(DataSource, MigrationScripts.Load(MigrationModule.All), TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance)
                .MigrateAsync(CancellationToken.None);
        }
    }

    /// <summary>Empties the SCIM tables and opens the stores over them.</summary>
    public ScimStores OpenEmpty()
    {
        using (var connection = DataSource.OpenConnection())
        using (var truncate = new NpgsqlCommand("TRUNCATE scim_memberships, scim_groups, scim_users, scim_outbox RESTART IDENTITY", connection))
        {
            truncate.ExecuteNonQuery();
        }

        return new ScimStores(new PostgreSqlScimUserStore(DataSource), new PostgreSqlScimGroupStore(DataSource), new PostgreSqlProvisioningOutbox(DataSource));
    }

    /// <inheritdoc />
    public Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>The user store contract on PostgreSQL.</summary>
public sealed class PostgreSqlScimUserStoreTests(ScimPostgreSqlDatabase database) : ScimUserStoreContract, IClassFixture<ScimPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override ScimStores OpenStores() => database.OpenEmpty();
}

/// <summary>The group store contract on PostgreSQL.</summary>
public sealed class PostgreSqlScimGroupStoreTests(ScimPostgreSqlDatabase database) : ScimGroupStoreContract, IClassFixture<ScimPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override ScimStores OpenStores() => database.OpenEmpty();
}

/// <summary>The outbox contract on PostgreSQL.</summary>
public sealed class PostgreSqlProvisioningOutboxTests(ScimPostgreSqlDatabase database) : ProvisioningOutboxContract, IClassFixture<ScimPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override ScimStores OpenStores() => database.OpenEmpty();
}
