using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Storage.LiteDb;
using ScimGateway.Tokens.Storage.PostgreSql;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Tests.Storage;

/// <summary>The gateway's composition picks every Tokens store from <c>Storage:Provider</c>, touching only that engine.</summary>
public sealed class TokensStorageSelectionTests
{
    [Fact]
    public void PostgreSql_provider_resolves_every_store_on_postgresql_without_connecting()
    {
        // Nothing listens on port 1: creating the stores must not open a connection.
        using var services = Compose(new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody",
        });

        Assert.IsType<PostgreSqlTokenStore>(services.GetRequiredService<ITokenStore>());
        Assert.IsType<PostgreSqlUsageStore>(services.GetRequiredService<IUsageStore>());
        Assert.IsType<PostgreSqlAuditStore>(services.GetRequiredService<IAuditStore>());
        Assert.IsType<PostgreSqlServiceUserStore>(services.GetRequiredService<IServiceUserStore>());
        Assert.IsType<PostgreSqlExpiryWarningStore>(services.GetRequiredService<IExpiryWarningStore>());
    }

    [Fact]
    public void LiteDb_provider_resolves_every_store_on_litedb()
    {
        using var services = Compose(new() { ["Storage:Provider"] = "LiteDb" });

        Assert.IsType<LiteDbTokenStore>(services.GetRequiredService<ITokenStore>());
        Assert.IsType<LiteDbUsageStore>(services.GetRequiredService<IUsageStore>());
        Assert.IsType<LiteDbAuditStore>(services.GetRequiredService<IAuditStore>());
        Assert.IsType<LiteDbServiceUserStore>(services.GetRequiredService<IServiceUserStore>());
        Assert.IsType<LiteDbExpiryWarningStore>(services.GetRequiredService<IExpiryWarningStore>());
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<ILiteDatabase>(_ => new LiteDatabase(new MemoryStream()));
        services.AddStorageProvider();
        services.AddByStorageProvider(s => s.AddTokensLiteDbStorage(), s => s.AddTokensPostgreSqlStorage());
        return services.BuildServiceProvider();
    }
}
