using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ScimGateway.Gateway.Authentication;

namespace ScimGateway.Gateway.Tests.Hosting;

/// <summary>
/// The sign-in form round trip with cookies passed by hand, so a test can send extra headers (a forged Host,
/// X-Forwarded-*) and read the <c>Set-Cookie</c> attributes and values the gateway sends.
/// </summary>
public static partial class RawSignIn
{
    /// <summary>A client that neither keeps cookies nor follows redirects, on the factory's (possibly Kestrel) address.</summary>
    public static HttpClient RawClient(this GatewayFactory gateway)
    {
        // On Kestrel the factory's client follows redirects whatever the options say; a plain client does not.
        var address = gateway.ClientOptions.BaseAddress;
        return address.IsDefaultPort
            ? gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = address })
            : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    /// <summary>Signs in with a token; returns the session's <c>Set-Cookie</c> header as sent.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string token, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/login");
        Add(get, headers);
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var field = AntiforgeryField().Match(html);
        Assert.True(field.Success, "The sign-in form has no antiforgery field.");
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("scimgateway.antiforgery=", StringComparison.Ordinal));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [field.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(field.Groups["value"].Value),
                ["token"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        Add(post, headers);
        using var response = await client.SendAsync(post);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionAuthenticationDefaults.CookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>The <c>name=value</c> part of a <c>Set-Cookie</c> header.</summary>
    public static string NameValue(string setCookie) => setCookie.Split(';')[0];

    /// <summary>Whether a <c>Set-Cookie</c> header carries the <c>Secure</c> attribute.</summary>
    public static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static void Add(HttpRequestMessage request, IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
