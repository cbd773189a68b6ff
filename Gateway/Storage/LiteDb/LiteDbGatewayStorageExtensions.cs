using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.CliLogin;
using ScimGateway.Gateway.Health;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>
/// Registers the gateway's LiteDB engine: <c>gateway.db</c> under the data directory's lock, shared with the modules'
/// LiteDB stores as <see cref="ILiteDatabase"/>, and the gateway's own stores over it. A second engine registers its
/// own implementations of the same interfaces instead.
/// </summary>
public static class LiteDbGatewayStorageExtensions
{
    /// <summary>Adds the data directory, the database, browser sessions, the CLI consent ledger and the storage probe.</summary>
    public static IServiceCollection AddLiteDbGatewayStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => GatewayStorage.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory));
        services.TryAddSingleton(sp => sp.GetRequiredService<GatewayStorage>().Directory);
        services.TryAddSingleton<ILiteDatabase>(sp => sp.GetRequiredService<GatewayStorage>().Database);
        services.TryAddSingleton<IStorageProbe, LiteDbStorageProbe>();
        services.TryAddSingleton<IBrowserSessionStore, LiteDbBrowserSessionStore>();
        services.TryAddSingleton<ICliConsentLedger, LiteDbCliConsentLedger>();
        return services;
    }
}
