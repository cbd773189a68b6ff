using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ScimGateway.TestSupport.Clients;

/// <summary>A browser-like client (cookies kept, redirects not followed) and the sign-in form round trip.</summary>
public static partial class BrowserSessions
{
    public static HttpClient Browser(this GatewayFactory gateway) =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Loads the form (for its antiforgery field and cookie) and posts the token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string token, string? returnUrl = null, bool formToken = false)
    {
        if (formToken)
        {
            return await browser.PostFormAsync("/login", "/login", new Dictionary<string, string> { ["token"] = token });
        }

        var page = await browser.GetStringAsync("/login");
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "The sign-in form has no antiforgery field.");
        var fields = new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["token"] = token,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return await browser.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in and expects the redirect that starts a session.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this GatewayFactory gateway, string token)
    {
        var browser = gateway.Browser();
        var response = await browser.SignInAsync(token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Posts a form with the antiforgery field taken from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string url, string formPage, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(formPage);
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "The page has no antiforgery field.");
        fields[antiforgery.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(antiforgery.Groups["value"].Value);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs out as the tokens page's button does: with the page's antiforgery field.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient browser)
    {
        var page = await browser.GetStringAsync("/settings/tokens");
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "The tokens page has no antiforgery field.");
        return await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
        }));
    }

    /// <summary>The session cookie as a <c>Cookie</c> header value, to replay it from another client.</summary>
    public static string SessionCookie(HttpResponseMessage signInResponse) =>
        signInResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("scimgateway.session=", StringComparison.Ordinal)).Split(';')[0];

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
