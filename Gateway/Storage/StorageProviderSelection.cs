using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Storage;

/// <summary>
/// Registers a module's stores for both providers and lets <c>Storage:Provider</c> pick at resolution, since the
/// provider is an option (validated, from configuration) that the service collection cannot read. Only the chosen
/// provider's factory runs, so a LiteDB node never opens PostgreSQL and a PostgreSQL node never opens the data directory.
/// </summary>
public static class StorageProviderSelection
{
    /// <summary>
    /// Adds every singleton that <paramref name="liteDb"/> or <paramref name="postgreSql"/> registers (for example
    /// <c>s =&gt; s.AddTokensLiteDbStorage()</c>), each resolved from the configured provider's registration. TryAdd, so a
    /// host or test can put its own store in first. Throws at resolution when the chosen provider lacks the service.
    /// </summary>
    public static IServiceCollection AddPerStorageProvider(this IServiceCollection services,
        Action<IServiceCollection> liteDb, Action<IServiceCollection> postgreSql)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(liteDb);
        ArgumentNullException.ThrowIfNull(postgreSql);
        var byProvider = new Dictionary<StorageProvider, IReadOnlyDictionary<Type, ServiceDescriptor>>
        {
            [StorageProvider.LiteDb] = Registered(liteDb),
            [StorageProvider.PostgreSql] = Registered(postgreSql),
        };
        foreach (var serviceType in byProvider.Values.SelectMany(d => d.Keys).Distinct())
        {
            services.TryAddSingleton(serviceType, sp =>
            {
                var provider = sp.StorageProvider();
                return byProvider[provider].TryGetValue(serviceType, out var descriptor)
                    ? Create(sp, descriptor)
                    : throw new InvalidOperationException($"No {serviceType.Name} is registered for Storage:Provider={provider}.");
            });
        }

        return services;
    }

    private static Dictionary<Type, ServiceDescriptor> Registered(Action<IServiceCollection> register)
    {
        var collection = new ServiceCollection();
        register(collection);
        if (collection.FirstOrDefault(d => d.Lifetime != ServiceLifetime.Singleton || d.IsKeyedService) is { } other)
        {
            throw new InvalidOperationException($"Only unkeyed singletons can be chosen by storage provider, not {other.ServiceType.Name}.");
        }

        // As the container would: the last registration of a type wins.
        return collection.GroupBy(d => d.ServiceType).ToDictionary(g => g.Key, g => g.Last());
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
