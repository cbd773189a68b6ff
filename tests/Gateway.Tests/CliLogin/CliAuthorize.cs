using System.Text.RegularExpressions;

namespace ScimGateway.Gateway.Tests.CliLogin;

/// <summary>
/// Plays the browser's part of <c>qualytics auth login</c> over HTTP: the authorize URL the CLI opens, the consent page's
/// hidden fields, and the Approve or Deny post.
/// </summary>
public static partial class CliAuthorize
{
    public const string Path = "/api/cli/authorize";

    /// <summary>The URL the CLI opens, built as the CLI builds it (each value escaped).</summary>
    public static string Url(string? redirectUri = "http://127.0.0.1:53682/callback", string? state = "state-0123456789", string? hostname = "dev-laptop")
    {
        var parts = new List<string>();
        if (redirectUri is not null)
        {
            parts.Add("redirect_uri=" + Uri.EscapeDataString(redirectUri));
        }

        if (state is not null)
        {
            parts.Add("state=" + Uri.EscapeDataString(state));
        }

        if (hostname is not null)
        {
            parts.Add("hostname=" + Uri.EscapeDataString(hostname));
        }

        return Path + "?" + string.Join('&', parts);
    }

    /// <summary>Loads the consent page and returns its form fields (antiforgery and consent) and the token name shown.</summary>
    public static async Task<ConsentForm> GetConsentAsync(this HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the consent page, got {(int)response.StatusCode}: {html}");
        return new ConsentForm(
            Field(html, "__RequestVerificationToken"),
            Field(html, "consent"),
            System.Net.WebUtility.HtmlDecode(TokenName().Match(html).Groups["name"].Value),
            html);
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient browser, ConsentForm form, string decision, string expiresInDays = "90",
        bool withAntiforgery = true)
    {
        var fields = new Dictionary<string, string> { ["consent"] = form.Consent, ["decision"] = decision, ["expires_in_days"] = expiresInDays };
        if (withAntiforgery)
        {
            fields["__RequestVerificationToken"] = form.Antiforgery;
        }

        return browser.PostAsync(Path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The query parameters of a redirect to the CLI's callback.</summary>
    public static Dictionary<string, string> CallbackQuery(HttpResponseMessage response, string redirectUri)
    {
        var location = response.Headers.Location?.OriginalString;
        Assert.NotNull(location);
        Assert.StartsWith(redirectUri + "?", location, StringComparison.Ordinal);
        return location[(redirectUri.Length + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
    }

    private static string Field(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"(?<value>[^\"]*)\">");
        Assert.True(match.Success, $"The consent page has no {name} field.");
        return System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("<dd id=\"token-name\">(?<name>[^<]*)</dd>")]
    private static partial Regex TokenName();
}
