using Microsoft.AspNetCore.Antiforgery;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Errors;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Ui;

/// <summary>
/// Cookie-authenticated state changes on the API must carry the page's CSRF token (double-submit through ASP.NET Core
/// antiforgery). Bearer-token calls are not affected: a browser never attaches those by itself.
/// </summary>
internal sealed class SessionCsrfMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    /// <summary>
    /// Not async on the common path (bearer calls, reads): returning <c>next</c>'s task directly saves an async state
    /// machine and a continuation on every proxied request, which all complete asynchronously.
    /// </summary>
    public Task InvokeAsync(HttpContext context) => IsSessionStateChange(context) ? CheckThenInvokeAsync(context) : next(context);

    private async Task CheckThenInvokeAsync(HttpContext context)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest,
                "The request is missing a valid CSRF token; reload the page and try again.");
            return;
        }

        await next(context);
    }

    private static bool IsSessionStateChange(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.Request.Path.StartsWithSegments(GatewayRoutes.Api, StringComparison.OrdinalIgnoreCase)
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionAuthenticationDefaults.Scheme };
}
