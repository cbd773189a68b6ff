using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Scim.Bulk;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Roles;
using ScimGateway.Scim.Users;
using Microsoft.Extensions.Hosting;

namespace ScimGateway.Scim;

/// <summary>Registers the SCIM module.</summary>
public static class ScimServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SCIM resources and options (section <c>Scim</c>, validated at start), independent of any storage
    /// engine: the host adds the stores and the outbox too (for example <c>AddScimLiteDbStorage</c>), and may register
    /// <see cref="IProvisioningEvents"/> to act on changes to people; whatever a crash left undelivered is delivered
    /// at start, and a periodic sweep delivers what a failed delivery or a stopped node left.
    /// </summary>
    public static IServiceCollection AddScim(this IServiceCollection services)
    {
        services.AddOptions<ScimOptions>().BindConfiguration(ScimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LocalUsers>();
        services.TryAddSingleton<ScimWriteLock>();
        services.TryAddSingleton<ProvisioningDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProvisioningOutboxStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProvisioningOutboxSweep>());
        services.TryAddSingleton<ScimWriteGate>();
        services.TryAddSingleton<ScimEffectiveRoles>();
        services.TryAddSingleton<LastAdminGuard>();
        services.TryAddSingleton<ScimUsers>();
        services.TryAddSingleton<ScimGroups>();
        services.TryAddSingleton<ScimRootSearch>();
        services.TryAddSingleton<ScimBulk>();
        services.AddMetrics();
        services.TryAddSingleton<ScimMetrics>();
        return services;
    }
}
