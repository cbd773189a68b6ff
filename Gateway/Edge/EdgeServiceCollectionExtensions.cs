using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ScimGateway.Gateway.Edge;

/// <summary>Registers the request-edge rules: the canonical-path rule and the body limits of local endpoints.</summary>
public static class EdgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the canonical-path rule in front of the whole pipeline (nothing to configure, nothing to switch off) and the
    /// body limits of <c>Gateway:Limits</c>, validated at start. <see cref="EdgeApplicationBuilderExtensions.UseRequestBodyLimits"/>
    /// places the limits in the pipeline.
    /// </summary>
    public static IServiceCollection AddGatewayEdge(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RequestBodyLimits>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, EdgeStartupFilter>());
        return services;
    }
}
