using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Errors;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Keeps the whole SCIM base path local: any <c>/api/scim/v2/...</c> request requires a SCIM token (others get 403
/// with a SCIM error body from the handler's forbid) and, when no real SCIM endpoint matched, answers a SCIM 404. It is
/// never proxied. The SCIM endpoints are more specific routes, so they win over this catch-all; the SCIM module may
/// replace this file with its own fallback.
/// </summary>
internal static class ScimFallbackEndpoint
{
    public static IEndpointRouteBuilder MapScimFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(ErrorResponses.ScimBasePath + "/{**rest}", NotFound)
            .RequireAuthorization(GatewayPolicies.ScimToken)
            .WithDisplayName("SCIM fallback");
        return endpoints;
    }

    private static Task NotFound(HttpContext context) => ErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound,
        $"No SCIM endpoint matches {context.Request.Method} {context.Request.Path}.");
}
