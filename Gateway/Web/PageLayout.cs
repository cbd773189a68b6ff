using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication;

namespace ScimGateway.Gateway.Web;

/// <summary>
/// The frame of the server-rendered pages (sign-in, refusals, admins only): the UI's stylesheet and favicon, no
/// script, and a policy that lets forms post only here and, when OpenID Connect is on, redirect to the provider.
/// </summary>
internal static class PageLayout
{
    public static HtmlEncoder Html => HtmlEncoder.Default;

    public static IResult Result(HttpContext context, int status, string title, string body)
    {
        Apply(context);
        return Results.Content(Render(title, body), "text/html; charset=utf-8", statusCode: status);
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string body)
    {
        Apply(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Render(title, body), context.RequestAborted);
    }

    /// <summary>
    /// Browsers apply <c>form-action</c> to the redirects a form post leads to (Chromium does), so the provider's
    /// origin must be allowed for "Sign in with ..." and for sign-out at the provider.
    /// </summary>
    public static string FormActions(HttpContext context)
    {
        var oidc = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value.Oidc;
        return oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? "'self' " + authority.GetLeftPart(UriPartial.Authority)
            : "'self'";
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; img-src 'self'; form-action {FormActions(context)}; frame-ancestors 'none'; base-uri 'none'";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static string Render(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html.Encode(title)} - ScimGateway</title>
        <link rel="stylesheet" href="{GatewayRoutes.UiAssets}/app.css">
        <link rel="icon" href="{GatewayRoutes.UiAssets}/favicon.svg" type="image/svg+xml">
        </head>
        <body class="plain">
        <main class="card-page">
        <p class="brand-mark" aria-hidden="true">ScimGateway</p>
        {body}
        </main>
        </body>
        </html>
        """;
}
