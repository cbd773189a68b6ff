using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ScimGateway.Gateway.Tests.Infrastructure;

/// <summary>A browser-like client (cookies kept, redirects not followed) and the sign-in form round trip.</summary>
public static partial class BrowserSessions
{
    public static HttpClient Browser(this GatewayFactory gateway) =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Loads the form (for its antiforgery field and cookie) and posts the token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string token, string? returnUrl = null)
    {
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

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
