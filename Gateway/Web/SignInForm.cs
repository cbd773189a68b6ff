using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication;

namespace ScimGateway.Gateway.Web;

/// <summary>
/// The sign-in page: "Sign in with &lt;provider&gt;" first when OpenID Connect is configured, then the token form when
/// token sign-in is on, with a short word on how a newcomer gets a first token. No script.
/// </summary>
internal static class SignInForm
{
    public static IResult Result(HttpContext context, IAntiforgery antiforgery, int status, string? error, string? returnUrl, string? notice)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = PageLayout.Html;
        var hidden = $"""<input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">"""
            + (LoginPage.IsLocal(returnUrl) ? $"""<input type="hidden" name="returnUrl" value="{html.Encode(returnUrl!)}">""" : "");
        var noticeBlock = notice is null ? "" : $"""<p id="notice" class="notice" role="status">{html.Encode(notice)}</p>""";
        var errorBlock = error is null ? "" : $"""<p id="error" class="error-box" role="alert">{html.Encode(error)}</p>""";
        var oidcBlock = options.Oidc.Enabled
            ? $"""
              <form method="post" action="{GatewayRoutes.LoginOidc}" class="stack">
              {hidden}
              <button type="submit" class="primary wide">Sign in with {html.Encode(options.Oidc.DisplayName)}</button>
              </form>
              """
            : "";
        var separator = options.Oidc.Enabled && options.TokenSignIn ? """<p class="or"><span>or</span></p>""" : "";
        var help = options.Oidc.Enabled
            ? "<p class=\"hint\" id=\"token-help\">Paste one of your personal access tokens. Service and SCIM tokens cannot sign in.</p>"
            : """
              <p class="hint" id="token-help">Paste one of your personal access tokens. Service and SCIM tokens cannot sign in.</p>
              <div class="newcomer">
              <h2>New here and no token yet?</h2>
              <p>Your account comes from your company's identity provider. Ask an administrator of this gateway for a
              first personal access token (they can issue one for your user name with
              <code>tokens issue --user &lt;your user name&gt; --name first-sign-in</code>). Use it to sign in below, then
              generate your own tokens on the Tokens page and revoke the first one.</p>
              </div>
              """;
        var tokenBlock = options.TokenSignIn
            ? $"""
              <form method="post" action="{GatewayRoutes.Login}" class="stack">
              {hidden}
              <label for="token">Personal access token</label>
              <input type="password" id="token" name="token" required autocomplete="off" spellcheck="false" aria-describedby="token-help"{(error is null ? "" : " aria-invalid=\"true\"")}>
              <button type="submit"{(options.Oidc.Enabled ? "" : " class=\"primary\"")}>Sign in</button>
              </form>
              {help}
              """
            : "";
        var body = $"""
            <h1>Sign in to ScimGateway</h1>
            {noticeBlock}
            {errorBlock}
            {oidcBlock}
            {separator}
            {tokenBlock}
            """;
        return PageLayout.Result(context, status, "Sign in", body);
    }
}
