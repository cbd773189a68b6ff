using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication;

namespace ScimGateway.Gateway.Web;

/// <summary>The pages an OpenID Connect sign-in ends on when it does not end in a session, and the hop after it.</summary>
internal static class OidcPages
{

    public static Task WriteRefusedAsync(HttpContext context, string refusal) =>
        PageLayout.WriteAsync(context, StatusCodes.Status403Forbidden, "Not signed in", $"""
            <h1>You cannot sign in here</h1>
            <p id="error" class="error-box" role="alert">{PageLayout.Html.Encode(refusal)}</p>
            <p><a href="{GatewayRoutes.Login}">Back to sign-in</a></p>
            """);

    /// <summary>
    /// One page for every protocol failure; the sentence says whether trying again can help. The handler's exception
    /// text goes to the log only (it can name internal addresses).
    /// </summary>
    public static Task WriteFailureAsync(HttpContext context, Exception? failure)
    {
        var provider = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>().Value.Oidc.DisplayName;
        var (status, sentence) = Describe(failure, provider);
        return WriteFailurePageAsync(context, status, sentence);
    }

    public static Task WriteFailurePageAsync(HttpContext context, int status, string sentence) =>
        PageLayout.WriteAsync(context, status, "Sign-in failed", $"""
            <h1>Sign-in did not complete</h1>
            <p id="error" class="error-box" role="alert">{PageLayout.Html.Encode(sentence)}</p>
            <p>You are not signed in. <a href="{GatewayRoutes.Login}">Back to sign-in</a></p>
            """);

    public static (int Status, string Sentence) Describe(Exception? failure, string provider)
    {
        var chain = new List<Exception>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        var text = string.Join(" | ", chain.Select(e => e.Message));
        if (chain.Any(e => e is HttpRequestException or TaskCanceledException) || text.Contains("IDX20803", StringComparison.Ordinal))
        {
            return (StatusCodes.Status502BadGateway, $"{provider} could not be reached. Try again in a few minutes; if it keeps failing, tell your administrator.");
        }

        if (text.Contains("invalid_client", StringComparison.Ordinal) || text.Contains("unauthorized_client", StringComparison.Ordinal))
        {
            return (StatusCodes.Status502BadGateway, $"{provider} did not accept this gateway's client settings (client id or secret). Tell your administrator.");
        }

        if (text.Contains("access_denied", StringComparison.Ordinal))
        {
            return (StatusCodes.Status403Forbidden, $"{provider} did not let you sign in to this application.");
        }

        if (text.Contains("Correlation failed", StringComparison.Ordinal) || text.Contains("message.State", StringComparison.Ordinal)
            || text.Contains("invalid_grant", StringComparison.Ordinal))
        {
            return (StatusCodes.Status400BadRequest, "This sign-in link was already used, has expired, or did not start in this browser. Start again from the sign-in page.");
        }

        if (chain.Any(e => e is Microsoft.IdentityModel.Tokens.SecurityTokenException) || text.Contains("IDX21", StringComparison.Ordinal)
            || text.Contains("nonce", StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status400BadRequest, $"The answer from {provider} could not be verified (its signature, time or nonce did not check out). If your computer's clock is wrong, correct it; then start again.");
        }

        return (StatusCodes.Status400BadRequest, $"The sign-in with {provider} did not complete. Start again from the sign-in page.");
    }

    /// <summary>
    /// The session cookie is SameSite=Strict, and a provider's callback is a cross-site request (a form post): a
    /// redirect chain that starts cross-site does not carry Strict cookies. A page of our own that moves on is a
    /// same-site navigation, which does.
    /// </summary>
    public static string ContinueUri(string? returnUri) =>
        QueryHelpers.AddQueryString(GatewayRoutes.LoginContinue, "returnUrl", LoginPage.IsLocal(returnUri) ? returnUri! : GatewayRoutes.TokensPage);

    public static IResult Continue(HttpContext context, string? returnUrl)
    {
        var local = LoginPage.IsLocal(returnUrl) ? returnUrl! : GatewayRoutes.TokensPage;
        var target = PageLayout.Html.Encode(local);
        context.Response.Headers.Append("Refresh", "0;url=" + AsciiOnly(local));
        return PageLayout.Result(context, StatusCodes.Status200OK, "Signed in", $"""
            <h1>Signed in</h1>
            <p>Taking you on… <a id="continue" href="{target}">Continue</a></p>
            """);
    }

    /// <summary>Header values must be ASCII: percent-encode the UTF-8 bytes of anything else.</summary>
    private static string AsciiOnly(string url)
    {
        var builder = new System.Text.StringBuilder(url.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(url))
        {
            builder.Append(b is > 0x20 and < 0x7F ? ((char)b).ToString() : $"%{b:X2}");
        }

        return builder.ToString();
    }
}
