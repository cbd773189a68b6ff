using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>Registers the LiteDB implementation of the SCIM stores.</summary>
public static class ScimLiteDbServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SCIM stores and the provisioning outbox kept in the host's <see cref="ILiteDatabase"/>, which the host must register. Call it with
    /// <see cref="ScimServiceCollectionExtensions.AddScim"/>; a second storage engine replaces only this call.
    /// </summary>
    public static IServiceCollection AddScimLiteDbStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IScimUserStore>(sp => new LiteDbScimUserStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IScimGroupStore>(sp => new LiteDbScimGroupStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IProvisioningOutbox>(sp => new LiteDbProvisioningOutbox(sp.GetRequiredService<ILiteDatabase>()));
        return services;
    }
}
