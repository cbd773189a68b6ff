using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Storage;

/// <summary>
/// Registers a store interface that resolves to its LiteDB or its PostgreSQL implementation by
/// <c>Storage:Provider</c>, read when the store is first resolved (configuration is not known while services are added,
/// and the command line shares the composition). Only the chosen implementation is ever created, so a PostgreSQL node
/// never opens the data directory and a LiteDB node never connects to PostgreSQL.
/// </summary>
public static class StorageProviderSwitch
{
    /// <summary>Makes <typeparamref name="TService"/> resolve to <typeparamref name="TLiteDb"/> or <typeparamref name="TPostgreSql"/>.</summary>
    public static IServiceCollection AddByStorageProvider<TService, TLiteDb, TPostgreSql>(this IServiceCollection services)
        where TService : class
        where TLiteDb : class, TService
        where TPostgreSql : class, TService
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TLiteDb>();
        services.TryAddSingleton<TPostgreSql>();
        services.Replace(ServiceDescriptor.Singleton<TService>(sp => sp.StorageProvider() == StorageProvider.PostgreSql
            ? sp.GetRequiredService<TPostgreSql>()
            : sp.GetRequiredService<TLiteDb>()));
        return services;
    }
}
