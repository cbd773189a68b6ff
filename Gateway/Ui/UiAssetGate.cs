using Microsoft.AspNetCore.Authentication;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Errors;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Ui;

/// <summary>
/// Only the stylesheet and the icon are public (the sign-in page needs them). Every other file of the UI needs a
/// browser session, the admin-only module needs an admin's, and the page template, which still holds every admin
/// section, is never served as a file: the tokens page renders it with the admin parts cut for non-admins.
/// </summary>
internal sealed class UiAssetGate(RequestDelegate next)
{
    private static readonly HashSet<string> Public = new(StringComparer.OrdinalIgnoreCase) { "app.css", "favicon.svg" };
    private static readonly HashSet<string> AdminOnly = new(StringComparer.OrdinalIgnoreCase) { "service-users.js" };
    private static readonly HashSet<string> Never = new(StringComparer.OrdinalIgnoreCase) { "tokens.html" };

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (Public.Contains(name) && path.Count(c => c == '/') == 2)
        {
            await next(context);
            return;
        }

        if (Never.Contains(name))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var session = await context.AuthenticateAsync(SessionAuthenticationDefaults.Scheme);
        if (!session.Succeeded)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign in to load this part of the web UI.");
            return;
        }

        if (AdminOnly.Contains(name) && GatewayPrincipal.From(session.Principal) is not { Role: Role.Admin })
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "This part of the web UI is for admins.");
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await next(context);
    }
}
