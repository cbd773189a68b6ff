namespace ScimGateway.Gateway.Proxy;

/// <summary>Maps the SCIM fallback and the proxy routes.</summary>
public static class ProxyEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the YARP routes (each carries its authorization policy from configuration) behind the access check and
    /// the error writer, plus the SCIM fallback that keeps <c>/api/scim/v2/**</c> from ever being forwarded.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScimFallback();
        endpoints.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<ProxyAccessMiddleware>();
            pipeline.UseMiddleware<ForwarderErrorMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
