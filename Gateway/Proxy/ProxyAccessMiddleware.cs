using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Errors;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// First step of the proxy pipeline. The route's <c>api-token</c> policy already turned away anonymous callers and
/// SCIM tokens; this re-checks both so that a route configured without the policy still forwards nothing
/// unauthenticated, and keeps the gateway's own paths from falling through to the upstream.
/// </summary>
internal sealed class ProxyAccessMiddleware(RequestDelegate next, LocalApiPaths localPaths, ILogger<ProxyAccessMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var token = context.Features.Get<ValidatedToken>();
        if (token is null && context.User.Identity?.IsAuthenticated == true)
        {
            // A browser session passed the policy (the token API takes sessions too), but the upstream is called with
            // bearer tokens only: a cookie would let any page the person opens act on the whole API with their rights.
            // Say so plainly instead of the session handler's "your session has ended", which would send the page to
            // the sign-in form with a wrong reason. The documented answer (docs/proxy.md, "Who may call what"): 401,
            // WWW-Authenticate: Bearer, a body that asks for a bearer token, and the session stays valid.
            ProxyLog.Refused(logger, context.Request.Method, context.Request.Path, "a browser session without a bearer token.");
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "The Qualytics API behind the gateway takes bearer tokens only; a browser session cannot call it. Send Authorization: Bearer <personal access token>.");
        }

        if (token is null)
        {
            ProxyLog.Refused(logger, context.Request.Method, context.Request.Path, "no valid token.");
            return context.ChallengeAsync();
        }

        if (!ScimOnlyRule.Allows(token.ScimOnly, scimEndpoint: false))
        {
            ProxyLog.Refused(logger, context.Request.Method, context.Request.Path, "SCIM administration token.");
            return context.ForbidAsync();
        }

        if (localPaths.IsLocal(context.Request.Path))
        {
            ProxyLog.Refused(logger, context.Request.Method, context.Request.Path, "the path belongs to the gateway.");
            return ErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound,
                $"The gateway serves this path itself and has no endpoint for {context.Request.Method} {context.Request.Path}; it is not forwarded upstream.");
        }

        // Kestrel enforces the body limit only when the body is read, by which time YARP has sent the request
        // upstream; a declared length over the limit is refused here so the upstream never sees the request.
        if (context.Request.ContentLength is { } length
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit && length > limit)
        {
            ProxyLog.Refused(logger, context.Request.Method, context.Request.Path, "the declared body exceeds the size limit.");
            return ErrorResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body of {length} bytes exceeds the gateway's limit of {limit} bytes (Kestrel:Limits:MaxRequestBodySize).");
        }

        return next(context);
    }
}
