using System.Text;
using System.Text.Encodings.Web;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// The consent page and the error page of CLI sign-in: server-rendered HTML, no script, styled by the UI's stylesheet.
/// Every answer is <c>no-store</c> with <c>Referrer-Policy: no-referrer</c>, since the URLs around it carry the CLI's
/// state and, on the way back, the token.
/// </summary>
internal static class CliLoginPages
{
    /// <param name="formAction">
    /// Extra <c>form-action</c> sources. Chromium applies <c>form-action</c> to the redirects that follow a form
    /// submission (CSP Level 3, section 6.3.1), so the consent page must allow the CLI's loopback origin, and nothing else.
    /// </param>
    public static void ApplyHeaders(IHeaderDictionary headers, string? formAction = null)
    {
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'{(formAction is null ? "" : " " + formAction)}; " +
            "frame-ancestors 'none'; base-uri 'none'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
    }

    public static IResult Consent(HttpContext context, CliConsentView view)
    {
        var html = HtmlEncoder.Default;
        var options = new StringBuilder();
        foreach (var (value, label) in CliTokenExpirations.Choices)
        {
            var selected = value == CliTokenExpirations.Default ? " selected" : "";
            options.Append($"""<option value="{html.Encode(value)}"{selected}>{html.Encode(label)}</option>""");
        }

        var body = $"""
            <header class="topbar"><span class="brand">ScimGateway</span><span class="who">Signed in as {html.Encode(view.UserName)}</span></header>
            <main>
            <h1>Sign in to the qualytics CLI</h1>
            <p class="lead">The <code>qualytics</code> command-line tool on <strong id="hostname">{html.Encode(view.Hostname)}</strong> asks for a personal access token for
            <strong id="person">{html.Encode(view.DisplayName)}</strong>{(view.DisplayName == view.UserName ? "" : $" ({html.Encode(view.UserName)})")}.</p>
            <form method="post" action="{GatewayRoutes.CliAuthorize}">
            <input type="hidden" name="{html.Encode(view.AntiforgeryField)}" value="{html.Encode(view.AntiforgeryToken)}">
            <input type="hidden" name="consent" value="{html.Encode(view.ProtectedConsent)}">
            <dl>
            <dt>Token name</dt><dd id="token-name">{html.Encode(view.TokenName)}</dd>
            <dt>Sent to</dt><dd id="callback">{html.Encode(view.CallbackOrigin)} (the CLI waiting on this computer)</dd>
            </dl>
            <p><label for="expiration">Expiration</label>
            <select id="expiration" name="expires_in_days">{options}</select></p>
            <p class="hint">Approve only if you have just run <code>qualytics auth login</code> yourself. The token is listed under
            Settings &gt; Tokens, where you can revoke it at any time.</p>
            <button type="submit" name="decision" value="approve" class="primary">Approve</button>
            <button type="submit" name="decision" value="deny">Deny</button>
            </form>
            </main>
            """;
        ApplyHeaders(context.Response.Headers, view.FormActionSource);
        return Document("Sign in to the qualytics CLI", body, StatusCodes.Status200OK);
    }

    public static IResult Error(HttpContext context, int status, string message)
    {
        var body = $"""
            <header class="topbar"><span class="brand">ScimGateway</span></header>
            <main>
            <h1>CLI sign-in failed</h1>
            <p id="error" role="alert">{HtmlEncoder.Default.Encode(message)}</p>
            <p class="hint">Nothing was sent to the command-line tool. Run <code>qualytics auth login --url ...</code> again.</p>
            </main>
            """;
        ApplyHeaders(context.Response.Headers);
        return Document("CLI sign-in failed", body, status);
    }

    private static IResult Document(string title, string body, int status) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} - ScimGateway</title>
        <link rel="stylesheet" href="{GatewayRoutes.UiAssets}/app.css"></head>
        <body>
        {body}
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: status);
}
