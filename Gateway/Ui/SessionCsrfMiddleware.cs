using Microsoft.AspNetCore.Antiforgery;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Errors;

namespace ScimGateway.Gateway.Ui;

/// <summary>
/// Cookie-authenticated state changes on the API must carry the page's CSRF token (double-submit through ASP.NET Core
/// antiforgery). Bearer-token calls are not affected: a browser never attaches those by itself.
/// </summary>
internal sealed class SessionCsrfMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsSessionStateChange(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest,
                "The request is missing a valid CSRF token; reload the page and try again.");
            return;
        }

        await next(context);
    }

    private static bool IsSessionStateChange(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionAuthenticationDefaults.Scheme };
}
