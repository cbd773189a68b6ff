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

    /// <summary>
    /// The same for a module's whole set of stores, as its own registration methods add them: every service either
    /// method registers resolves, by provider, to what that provider's method registered. TryAdd, so a host or test
    /// that put its own store in first keeps it.
    /// </summary>
    public static IServiceCollection AddByStorageProvider(this IServiceCollection services, Action<IServiceCollection> addLiteDb, Action<IServiceCollection> addPostgreSql)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(addLiteDb);
        ArgumentNullException.ThrowIfNull(addPostgreSql);
        var liteDb = new ServiceCollection();
        addLiteDb(liteDb);
        var postgreSql = new ServiceCollection();
        addPostgreSql(postgreSql);
        foreach (var serviceType in liteDb.Concat(postgreSql).Select(d => d.ServiceType).Distinct().ToList())
        {
            var onLiteDb = liteDb.LastOrDefault(d => d.ServiceType == serviceType);
            var onPostgreSql = postgreSql.LastOrDefault(d => d.ServiceType == serviceType);
            services.TryAdd(ServiceDescriptor.Singleton(serviceType, sp =>
            {
                var chosen = sp.StorageProvider() == StorageProvider.PostgreSql ? onPostgreSql : onLiteDb;
                return chosen is null
                    ? throw new InvalidOperationException($"{serviceType.Name} has no implementation for Storage:Provider={sp.StorageProvider()}.")
                    : Create(sp, chosen);
            }));
        }

        return services;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
