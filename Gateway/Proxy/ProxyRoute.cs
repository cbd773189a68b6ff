using Yarp.ReverseProxy.Model;

namespace ScimGateway.Gateway.Proxy;

/// <summary>The one test for "one of YARP's routes", i.e. the Qualytics API the gateway forwards.</summary>
internal static class ProxyRoute
{
    /// <summary>True for an endpoint YARP mapped from its route configuration: a metadata lookup the endpoint caches.</summary>
    public static bool IsProxyRoute(this Endpoint endpoint) => endpoint.Metadata.GetMetadata<RouteModel>() is not null;

    /// <summary>True for a request that routing matched to a proxy route; nothing allocated.</summary>
    public static bool IsProxyRoute(this HttpContext context) => context.GetEndpoint()?.IsProxyRoute() == true;
}
