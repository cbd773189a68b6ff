using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Proxy;
using ScimGateway.Scim;
using ScimGateway.Scim.Endpoints;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Edge;

/// <summary>
/// The body limit of each endpoint, from <see cref="RequestLimitsOptions"/> by the endpoint's route pattern, worked out
/// once per endpoint. An endpoint that declares its own limit (<see cref="IRequestSizeLimitMetadata"/>) keeps it.
/// </summary>
internal sealed class RequestBodyLimits(IOptions<RequestLimitsOptions> options, IOptions<ScimOptions> scim)
{
    private static readonly PathString s_api = GatewayRoutes.Api;
    private static readonly PathString s_scim = ScimEndpointRouteBuilderExtensions.BasePath;
    private static readonly PathString s_bulk = ScimEndpointRouteBuilderExtensions.BasePath + "/Bulk";

    private readonly RequestLimitsOptions _limits = options.Value;
    private readonly long _bulk = scim.Value.BulkMaxPayloadSize;
    private readonly ConcurrentDictionary<Endpoint, long?> _byEndpoint = new();

    /// <summary>The limit for a request routed to <paramref name="endpoint"/>; null for proxied requests, which stream.</summary>
    public long? For(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            // Middleware that answers before endpoints (sign-in callbacks, static assets) or a 404.
            return _limits.LocalBodyBytes;
        }

        return _byEndpoint.GetOrAdd(endpoint, Classify);
    }

    private long? Classify(Endpoint endpoint)
    {
        if (endpoint.IsProxyRoute())
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } declared })
        {
            return declared;
        }

        var raw = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var pattern = new PathString(raw.StartsWith('/') ? raw : "/" + raw);
        if (pattern.StartsWithSegments(s_bulk, StringComparison.OrdinalIgnoreCase, out var rest) && !rest.HasValue)
        {
            return _bulk;
        }

        if (pattern.StartsWithSegments(s_scim, StringComparison.OrdinalIgnoreCase))
        {
            return _limits.ScimBodyBytes;
        }

        if (pattern.Equals(GatewayRoutes.Login, StringComparison.OrdinalIgnoreCase))
        {
            return _limits.SignInFormBytes;
        }

        return pattern.StartsWithSegments(s_api, StringComparison.OrdinalIgnoreCase) ? _limits.ApiBodyBytes : _limits.LocalBodyBytes;
    }
}
