namespace ScimGateway.Gateway.Proxy;

/// <summary>Maps the proxy routes.</summary>
public static class ProxyEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the YARP routes (each carries its authorization policy from configuration) behind the access check; a failed
    /// forward's error body is written by <see cref="ProxyRequestMiddleware"/>. <c>/api/scim/v2/**</c> is never
    /// forwarded: the SCIM module's own catch-all is the more specific route there and answers a SCIM 404 for anything it
    /// does not serve.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<ProxyAccessMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return endpoints;
    }
}
