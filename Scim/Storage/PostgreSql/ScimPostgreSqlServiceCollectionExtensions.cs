using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>Registers the PostgreSQL implementation of the SCIM stores.</summary>
public static class ScimPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SCIM stores and the provisioning outbox kept in PostgreSQL, on the host's <see cref="NpgsqlDataSource"/>
    /// singleton, which the host must register (and whose database it must migrate, 0001_scim.sql included). Call it
    /// with <see cref="ScimServiceCollectionExtensions.AddScim"/> instead of the LiteDB registration.
    /// </summary>
    public static IServiceCollection AddScimPostgreSqlStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IScimUserStore>(sp => new PostgreSqlScimUserStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IScimGroupStore>(sp => new PostgreSqlScimGroupStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IProvisioningOutbox>(sp => new PostgreSqlProvisioningOutbox(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
