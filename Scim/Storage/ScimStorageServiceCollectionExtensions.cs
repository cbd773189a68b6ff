using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Scim.Storage.LiteDb;
using ScimGateway.Scim.Storage.PostgreSql;

namespace ScimGateway.Scim.Storage;

/// <summary>Registers the SCIM stores of the storage engine the host chooses at run time.</summary>
public static class ScimStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SCIM stores and the provisioning outbox of both engines, choosing on first use: PostgreSQL
    /// (<see cref="ScimPostgreSqlServiceCollectionExtensions.AddScimPostgreSqlStorage"/>) when
    /// <paramref name="usePostgreSql"/> says so, else LiteDB (<see cref="ScimLiteDbServiceCollectionExtensions.AddScimLiteDbStorage"/>).
    /// The engine is a setting read from the container, so the choice cannot be made while registering; an engine not
    /// chosen is never created (a LiteDB node never connects to PostgreSQL).
    /// </summary>
    public static IServiceCollection AddScimStorage(this IServiceCollection services, Func<IServiceProvider, bool> usePostgreSql)
    {
        ArgumentNullException.ThrowIfNull(usePostgreSql);
        var liteDb = new ServiceCollection().AddScimLiteDbStorage().ToDictionary(d => d.ServiceType);
        var postgreSql = new ServiceCollection().AddScimPostgreSqlStorage().ToDictionary(d => d.ServiceType);
        foreach (var (serviceType, liteDbStore) in liteDb)
        {
            var postgreSqlStore = postgreSql[serviceType];
            services.TryAddSingleton(serviceType, sp => usePostgreSql(sp)
                ? postgreSqlStore.ImplementationFactory!(sp)
                : liteDbStore.ImplementationFactory!(sp));
        }

        return services;
    }
}
