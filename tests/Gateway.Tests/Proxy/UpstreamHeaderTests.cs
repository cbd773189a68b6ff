using System.Text.Json;
using ScimGateway.Gateway.Tests.Edge;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Proxy;

/// <summary>
/// What the upstream receives, read back from the echo upstream over real HTTP: only the identity the gateway states,
/// no client claim of an identity, a method, a URL or an origin, and none of the gateway's own cookies.
/// </summary>
public sealed class UpstreamHeaderTests(KestrelGatewayFixture fixture) : IClassFixture<KestrelGatewayFixture>
{
    private const string Session = "scimgateway.session";
    private const string Antiforgery = "scimgateway.antiforgery";

    [Fact]
    public async Task SpoofedIdentityHeaders_InAnyCaseOrWithUnderscores_NeverReachTheUpstream()
    {
        var headers = await ForwardAsync(
            "X-Gateway-User-Id: spoofed-1",
            "x-gateway-role: Admin",
            "X_Gateway_User_Id: spoofed-2",
            "X_GATEWAY_ROLE: Admin",
            "x-gateway_token-id: spoofed-3",
            "X_Gateway-User_Name: spoofed-4",
            "X-Gateway-Impersonate: root");

        var identity = headers.EnumerateObject().Where(h => Normalise(h.Name).StartsWith("x-gateway-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["x-gateway-role", "x-gateway-token-id", "x-gateway-user-id", "x-gateway-user-name", "x-gateway-user-type"],
            identity.Select(h => h.Name.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Equal("edge-admin@example.com", headers.GetProperty("X-Gateway-User-Name").GetString());
        Assert.Equal("Admin", headers.GetProperty("X-Gateway-Role").GetString());
        Assert.DoesNotContain(identity, h => h.Value.GetString()!.StartsWith("spoofed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("X-HTTP-Method-Override: DELETE")]
    [InlineData("X-HTTP-Method: DELETE")]
    [InlineData("X-Method-Override: DELETE")]
    [InlineData("x_http_method_override: DELETE")]
    [InlineData("X-Original-URL: /api/user-tokens")]
    [InlineData("X-Rewrite-URL: /api/user-tokens")]
    [InlineData("X_Original_URL: /api/audit")]
    public async Task MethodAndUrlOverrideHeaders_NeverReachTheUpstream(string header)
    {
        var headers = await ForwardAsync(header);

        var name = Normalise(header[..header.IndexOf(':', StringComparison.Ordinal)]);
        Assert.DoesNotContain(headers.EnumerateObject(), h => Normalise(h.Name) == name);
        Assert.DoesNotContain(headers.EnumerateObject(), h => h.Value.GetString()!.Contains("DELETE", StringComparison.Ordinal)
            || h.Value.GetString()!.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientForwardingClaims_AreReplacedByTheGatewaysOwn()
    {
        var headers = await ForwardAsync(
            "X-Forwarded-For: 6.6.6.6",
            "X-Forwarded-Host: evil.example",
            "X-Forwarded-Proto: https",
            "X-Forwarded-Prefix: /evil",
            "X-Forwarded-User: admin",
            "X_Forwarded_Email: admin@example.com",
            "Forwarded: for=6.6.6.6;host=evil.example",
            "X-Real-IP: 6.6.6.6",
            "True-Client-IP: 6.6.6.6",
            "X-Original-For: 6.6.6.6");

        // YARP states the real hop: the loopback client, the Host the client sent, plain http.
        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
        Assert.Equal(fixture.Address.Authority, headers.GetProperty("X-Forwarded-Host").GetString());
        Assert.Equal("http", headers.GetProperty("X-Forwarded-Proto").GetString());
        var names = headers.EnumerateObject().Select(h => Normalise(h.Name)).ToList();
        Assert.Equal(["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"],
            names.Where(n => n.StartsWith("x-forwarded-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("forwarded", names);
        Assert.DoesNotContain("x-real-ip", names);
        Assert.DoesNotContain("true-client-ip", names);
        Assert.DoesNotContain("x-original-for", names);
        Assert.DoesNotContain(headers.EnumerateObject(), h => h.Value.GetString()!.Contains("6.6.6.6", StringComparison.Ordinal)
            || h.Value.GetString()!.Contains("evil", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData($"a=1; {Session}=secret; b=2", "a=1; b=2")]
    [InlineData($"{Session}=secret", null)]
    [InlineData($"{Session}=secret; {Antiforgery}=csrf", null)]
    [InlineData($"a=1;{Session}=secret;b=2", "a=1; b=2")]
    [InlineData($"  a=1 ;   {Session} = secret ;b=2  ", "a=1; b=2")]
    [InlineData("a=1; SCIMGATEWAY.SESSION=secret", "a=1")]
    [InlineData($"a=1; {Session}C1=secret; {Session}C2=secret; {Session}=chunks-2", "a=1")]
    [InlineData($"a=1; {Antiforgery}=csrf", "a=1")]
    [InlineData("a=1; .AspNetCore.Correlation.oidc=x; .AspNetCore.OpenIdConnect.Nonce.abc=N", "a=1")]
    [InlineData("a=1; scimgateway%2Esession=secret", "a=1")]
    [InlineData($"a=1, {Session}=secret; b=2", "b=2")]
    [InlineData($"{Session}x=kept; session=kept; a={Session}", $"{Session}x=kept; session=kept; a={Session}")]
    public async Task GatewayCookies_AreRemovedFromTheCookieHeader_OthersKept(string cookie, string? expected)
    {
        var headers = await ForwardAsync($"Cookie: {cookie}");

        if (expected is null)
        {
            Assert.False(headers.TryGetProperty("Cookie", out var left), $"Cookie reached the upstream: {left}");
        }
        else
        {
            Assert.Equal(expected, headers.GetProperty("Cookie").GetString());
        }
    }

    [Fact]
    public async Task SeveralCookieHeaders_AreFilteredEach_AndJoined()
    {
        var headers = await ForwardAsync("Cookie: a=1", $"Cookie: {Session}=secret", $"Cookie: b=2; {Antiforgery}=csrf");

        Assert.Equal("a=1; b=2", headers.GetProperty("Cookie").GetString());
    }

    [Fact]
    public async Task OrdinaryHeadersAndCookies_PassThroughUntouched()
    {
        var headers = await ForwardAsync("Cookie: theme=dark; lang=en", "X-Custom-Trace: 42", "Accept-Language: en", "X-Forwarding-Plan: kept");

        Assert.Equal("theme=dark; lang=en", headers.GetProperty("Cookie").GetString());
        Assert.Equal("42", headers.GetProperty("X-Custom-Trace").GetString());
        Assert.Equal("en", headers.GetProperty("Accept-Language").GetString());
        Assert.Equal("kept", headers.GetProperty("X-Forwarding-Plan").GetString());
    }

    [Fact]
    public async Task ServiceToken_WithSpoofedUnderscoreRole_ReachesUpstreamWithItsOwnRole()
    {
        var token = fixture.Gateway.IssueServiceToken($"svc-{Guid.NewGuid():N}", Role.Member);

        var headers = await ForwardAsync(token, ["X_Gateway_Role: Admin", "X-GATEWAY-USER-TYPE: Human"]);

        Assert.Equal("Member", headers.GetProperty("X-Gateway-Role").GetString());
        Assert.Equal("Service", headers.GetProperty("X-Gateway-User-Type").GetString());
        Assert.DoesNotContain(headers.EnumerateObject(), h => h.Value.GetString() is "Admin" or "Human");
    }

    private Task<JsonElement> ForwardAsync(params string[] headers) => ForwardAsync(fixture.AdminToken, headers);

    /// <summary>Sends the headers exactly as given (HttpClient would merge or refuse some) and returns what the upstream received.</summary>
    private async Task<JsonElement> ForwardAsync(string token, string[] headers)
    {
        var before = fixture.Upstream.Requests;
        var response = await RawHttp.SendAsync(fixture.Address, "GET /api/datastores HTTP/1.1", [.. headers, $"Authorization: Bearer {token}"]);
        Assert.True(response.Status == 200, $"Got {response.Status}: {response.Body}");
        Assert.Equal(before + 1, fixture.Upstream.Requests);
        return response.Json().GetProperty("headers");
    }

    private static string Normalise(string name) => name.Replace('_', '-').ToLowerInvariant();
}
