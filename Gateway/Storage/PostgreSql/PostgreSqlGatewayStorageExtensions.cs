using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.CliLogin;
using ScimGateway.Gateway.Health;
using ScimGateway.Gateway.Storage.LiteDb;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>The gateway's own stores by provider: browser sessions, the CLI consent ledger and the storage probe.</summary>
public static class PostgreSqlGatewayStorageExtensions
{
    /// <summary>
    /// Makes the gateway's stores follow <c>Storage:Provider</c>; call after
    /// <see cref="LiteDbGatewayStorageExtensions.AddLiteDbGatewayStorage"/>, whose registrations of the same interfaces
    /// it replaces with the switch.
    /// </summary>
    public static IServiceCollection AddGatewayStoresByProvider(this IServiceCollection services)
    {
        services.AddByStorageProvider<IBrowserSessionStore, LiteDbBrowserSessionStore, PostgreSqlBrowserSessionStore>();
        services.AddByStorageProvider<ICliConsentLedger, LiteDbCliConsentLedger, PostgreSqlCliConsentLedger>();
        services.AddByStorageProvider<IStorageProbe, LiteDbStorageProbe, PostgreSqlStorageProbe>();
        return services;
    }
}
