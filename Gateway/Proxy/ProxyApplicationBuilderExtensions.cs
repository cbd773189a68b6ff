using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ScimGateway.Gateway.Proxy;

/// <summary>Registers the reverse proxy to the Qualytics API, its options, transforms, health probe and size limits.</summary>
public static class ProxyApplicationBuilderExtensions
{
    /// <summary>The YARP configuration section.</summary>
    public const string ReverseProxySection = "ReverseProxy";

    /// <summary>Kestrel's limits, section <c>Kestrel:Limits</c> (bound explicitly: the default loader reads only endpoints).</summary>
    public const string KestrelLimitsSection = "Kestrel:Limits";

    /// <summary>Adds YARP configured from <c>ReverseProxy</c>, with the identity transform on every route.</summary>
    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IConfiguration>((kestrel, configuration) => configuration.GetSection(KestrelLimitsSection).Bind(kestrel.Limits));

        services.TryAddSingleton<IdentityHeaders>();
        services.TryAddSingleton<GatewayCookies>();
        services.TryAddSingleton<IdentityTransform>();
        services.TryAddSingleton<LocalApiPaths>();
        services.TryAddSingleton<UpstreamProbe>();
        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddTransforms<IdentityTransformProvider>();
        return builder;
    }
}
