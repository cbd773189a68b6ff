using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>What every node must share in cluster mode: the signing key and the data-protection key ring.</summary>
public sealed class SharedSecretsTests : IClassFixture<PostgreSqlDatabase>, IAsyncLifetime
{
    private readonly PostgreSqlDatabase database;

    public SharedSecretsTests(PostgreSqlDatabase database) => this.database = database;

    public async Task InitializeAsync() =>
        await new PostgreSqlMigrator(database.DataSource, MigrationScripts.Load(MigrationModule.All), TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [PostgreSqlFact]
    public async Task Two_nodes_creating_the_signing_key_together_agree_on_one_key()
    {
        await using var first = NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(database.ConnectionString);
        using var start = new Barrier(2);

        var keys = await Task.WhenAll(new[] { first, second }.Select(source => Task.Run(() =>
        {
            start.SignalAndWait();
            return PostgreSqlSigningKey.LoadOrCreateAsync(source, null, TimeProvider.System, CancellationToken.None);
        })));

        Assert.Equal(64, keys[0].Material.Length);
        Assert.Equal(keys[0].Material, keys[1].Material);
        var later = await PostgreSqlSigningKey.LoadOrCreateAsync(first, null, TimeProvider.System, CancellationToken.None);
        Assert.Equal(keys[0].Material, later.Material);
    }

    [PostgreSqlFact]
    public async Task A_configured_signing_key_wins_over_the_database()
    {
        var configured = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        var key = await PostgreSqlSigningKey.LoadOrCreateAsync(database.DataSource, configured, TimeProvider.System, CancellationToken.None);

        Assert.Equal(Convert.FromBase64String(configured), key.Material);
    }

    [PostgreSqlFact]
    public async Task A_payload_protected_on_one_node_is_unprotected_on_another()
    {
        await using var firstSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var secondSource = NpgsqlDataSource.Create(database.ConnectionString);
        using var firstNode = Node(firstSource);
        using var secondNode = Node(secondSource);

        var protectedPayload = Protector(firstNode).Protect("session of alice");

        Assert.Equal("session of alice", Protector(secondNode).Unprotect(protectedPayload));
        await using var count = database.DataSource.CreateCommand("SELECT count(*) FROM data_protection_keys");
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
    }

    /// <summary>A node's data protection as the gateway composes it: its application name, the key ring in the database.</summary>
    private static ServiceProvider Node(NpgsqlDataSource source)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("ScimGateway");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgreSqlXmlRepository(source, TimeProvider.System));
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("cluster-test");
}
