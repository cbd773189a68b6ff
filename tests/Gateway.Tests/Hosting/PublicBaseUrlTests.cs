using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Hosting;

/// <summary>
/// Absolute URLs come from Gateway:PublicBaseUrl (or, unset, from the server's listen address), never from the
/// request's Host header: checked with a forged Host over real HTTP.
/// </summary>
public sealed class PublicBaseUrlTests
{
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task ScimCreate_WithForgedHost_LocationAndMetaLocationUseThePublicBaseUrl()
    {
        await using var gateway = new GatewayFactory().WithSetting("Gateway:PublicBaseUrl", "https://gateway.example.com/").StartOnKestrel();

        var (location, metaLocation, body) = await CreateScimUserWithForgedHostAsync(gateway);

        Assert.StartsWith("https://gateway.example.com/api/scim/v2/Users/", metaLocation, StringComparison.Ordinal);
        Assert.Equal(metaLocation, location);
        Assert.DoesNotContain(ForgedHost, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ScimCreate_WithForgedHost_NoPublicBaseUrl_UsesTheListenAddress_AndWarnsAtStart()
    {
        await using var gateway = new GatewayFactory().StartOnKestrel();
        var listen = gateway.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);

        var (location, metaLocation, body) = await CreateScimUserWithForgedHostAsync(gateway);

        Assert.StartsWith(listen + "/api/scim/v2/Users/", metaLocation, StringComparison.Ordinal);
        Assert.Equal(metaLocation, location);
        Assert.DoesNotContain(ForgedHost, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(gateway.Logs.Lines, l => l.Contains("Gateway:PublicBaseUrl is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInRedirect_WithForgedHost_PointsAtThePublicBaseUrl()
    {
        await using var gateway = new GatewayFactory().WithSetting("Gateway:PublicBaseUrl", "https://gateway.example.com").StartOnKestrel();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Host = ForgedHost;
        request.Headers.Add("Cookie", "scimgateway.session=stale");

        using var response = await gateway.RawClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://gateway.example.com/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway.example.com")]
    [InlineData("/relative")]
    [InlineData("ftp://gateway.example.com")]
    [InlineData("https://gateway.example.com/?a=1")]
    [InlineData("https://gateway.example.com/#top")]
    [InlineData("https://user:secret@gateway.example.com")]
    public void InvalidPublicBaseUrl_StopsTheStart_NamingIt(string value)
    {
        using var gateway = new GatewayFactory().WithSetting("Gateway:PublicBaseUrl", value);

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Gateway:PublicBaseUrl", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(string Location, string MetaLocation, string Body)> CreateScimUserWithForgedHostAsync(GatewayFactory gateway)
    {
        var client = gateway.RawClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", gateway.IssueServiceToken("idp", name: "scim", scim: true));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scim/v2/Users")
        {
            Content = new StringContent("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bob@example.com"}""",
                Encoding.UTF8, "application/scim+json"),
        };
        request.Headers.Host = ForgedHost;

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var meta = JsonDocument.Parse(body).RootElement.GetProperty("meta").GetProperty("location").GetString()!;
        return (response.Headers.Location!.ToString(), meta, body);
    }
}
