using Yarp.ReverseProxy.Model;

namespace ScimGateway.Gateway.Proxy;

/// <summary>Whether routing matched a request to one of YARP's routes, i.e. the Qualytics API the gateway forwards.</summary>
internal static class ProxyRoute
{
    /// <summary>True for a request matched to a proxy route: a metadata lookup the endpoint caches, nothing allocated.</summary>
    public static bool IsProxyRoute(this HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not null;
}
