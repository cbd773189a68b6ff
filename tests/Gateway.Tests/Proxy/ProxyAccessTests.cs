using System.Text.Json;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Proxy;

public sealed class ProxyAccessTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private GatewayFactory Gateway => fixture.Gateway;

    [Fact]
    public async Task ScimToken_OnProxiedPath_Is403InsufficientScope_AndNeverForwarded()
    {
        var client = Gateway.ClientWithToken(Gateway.IssueServiceToken($"okta-{Guid.NewGuid():N}", Role.Admin, scim: true));
        var before = fixture.Upstream.Requests;

        using var response = await client.GetAsync("/api/datastores");

        var detail = await response.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("SCIM", detail, StringComparison.Ordinal);
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task BrowserSession_OnProxiedPath_Is401AskingForABearerToken_SessionKept_AndNeverForwarded()
    {
        var browser = await Gateway.SignedInBrowserAsync(Gateway.IssuePersonalToken(Gateway.AddUser($"browser-{Guid.NewGuid():N}")));
        var before = fixture.Upstream.Requests;

        using var response = await browser.GetAsync("/api/datastores");

        var detail = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("bearer tokens only", detail, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.False(response.Headers.Contains("X-Session-Ended"), "The session did not end: the page must not be sent to sign in again.");
        Assert.Equal(before, fixture.Upstream.Requests);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/scim/v2/Users")]
    [InlineData("POST", "/api/scim/v2/Users")]
    [InlineData("GET", "/api/scim/v2")]
    [InlineData("DELETE", "/api/SCIM/V2/Groups/123")]
    [InlineData("PATCH", "/api/scim/v2/Anything/deeper/still?filter=x")]
    public async Task PersonalToken_OnScimPath_Is403WithScimError_AndNeverForwarded(string method, string path)
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"p-{Guid.NewGuid():N}", Role.Admin)));
        var before = fixture.Upstream.Requests;

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        var error = await ExpectScimErrorAsync(response, HttpStatusCode.Forbidden);
        // RFC 7644 defines no scimType for a 403, so the body carries none; the reason is in the header and detail.
        Assert.False(error.TryGetProperty("scimType", out _), error.ToString());
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task ScimToken_OnUnknownScimPath_GetsScim404_AndIsNeverForwarded()
    {
        var client = Gateway.ClientWithToken(Gateway.IssueServiceToken($"entra-{Guid.NewGuid():N}", Role.Admin, scim: true));
        var before = fixture.Upstream.Requests;

        using var response = await client.GetAsync("/api/scim/v2/NoSuchResource/1");

        await ExpectScimErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task EncodedSlashInScimPath_IsRefusedByTheCanonicalPathRule_AndNeverForwarded()
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"enc-{Guid.NewGuid():N}")));
        var before = fixture.Upstream.Requests;

        using var response = await client.GetAsync("/api/scim%2Fv2/Users");

        Assert.Contains("canonical", await response.ExpectProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Theory]
    [InlineData("/api/user-tokens")]
    [InlineData("/api/user-tokens/service")]
    [InlineData("/api/service-users")]
    [InlineData("/api/audit")]
    public async Task LocalEndpoints_WinOverTheCatchAllRoute(string path)
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"admin-{Guid.NewGuid():N}", Role.Admin)));
        var before = fixture.Upstream.Requests;

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("\"headers\"", body, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Theory]
    [InlineData("PATCH", "/api/user-tokens")]
    [InlineData("GET", "/api/user-tokens/abc/unknown/sub/path")]
    [InlineData("POST", "/api/audit")]
    public async Task GatewayOwnedPath_WithNoMatchingEndpoint_Is404_AndNeverForwarded(string method, string path)
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"q-{Guid.NewGuid():N}", Role.Admin)));
        var before = fixture.Upstream.Requests;

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task RevokedToken_NeverReachesUpstream()
    {
        var user = Gateway.AddUser($"r-{Guid.NewGuid():N}");
        var token = Gateway.IssuePersonalToken(user, "to-revoke");
        var admin = Gateway.ClientWithToken(Gateway.IssuePersonalToken(user, "manager"));
        Assert.Equal(HttpStatusCode.OK, (await Gateway.ClientWithToken(token).GetAsync("/api/datastores")).StatusCode);
        (await admin.PutAsJsonAsync($"/api/user-tokens/{Jwt.TokenId(token)}", new { revoke = true })).EnsureSuccessStatusCode();

        await ExpectNeverForwardedAsync(token, "revoked");
    }

    [Fact]
    public async Task DeletedToken_NeverReachesUpstream()
    {
        var user = Gateway.AddUser($"d-{Guid.NewGuid():N}");
        var token = Gateway.IssuePersonalToken(user, "to-delete");
        var admin = Gateway.ClientWithToken(Gateway.IssuePersonalToken(user, "manager"));
        var id = Jwt.TokenId(token);
        (await admin.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/user-tokens/{id}")).EnsureSuccessStatusCode();

        await ExpectNeverForwardedAsync(token, "not valid");
    }

    [Fact]
    public async Task ExpiredToken_NeverReachesUpstream()
    {
        using var gateway = ProxyFixture.CreateGateway(fixture.Upstream.Address);
        var token = gateway.IssuePersonalToken(gateway.AddUser("exp@example.com"), days: 1);
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithToken(token).GetAsync("/api/datastores")).StatusCode);
        gateway.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var before = fixture.Upstream.Requests;

        using var response = await gateway.ClientWithToken(token).GetAsync("/api/datastores");

        Assert.Contains("expired", await response.ExpectProblemAsync(HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI")]
    [InlineData("a.b.c")]
    public async Task GarbageToken_NeverReachesUpstream(string token) => await ExpectNeverForwardedAsync(token, "not valid");

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task MissingOrNonBearerCredentials_NeverReachUpstream(string? authorization)
    {
        var client = Gateway.CreateClient();
        var before = fixture.Upstream.Requests;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task IssuedToken_PassesTheQualyticsCliCheck_DecodesWithoutKeyWithFutureExp()
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"cli-{Guid.NewGuid():N}")));
        var created = await (await client.PostJsonAsync("/api/user-tokens", new { name = "cli", expires_in_days = 90 })).ExpectJsonAsync(HttpStatusCode.Created);
        var token = created.GetProperty("bearer_token").GetString()!;

        var (header, payload) = Jwt.DecodeWithoutKey(token);

        Assert.Equal("JWT", header.GetProperty("typ").GetString());
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        var exp = DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty("exp").GetInt64());
        Assert.True(exp > Gateway.Time.GetUtcNow(), $"exp {exp:O} is not in the future");
        Assert.Equal(Gateway.Time.GetUtcNow().AddDays(90).ToUnixTimeSeconds(), exp.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.OK, (await Gateway.ClientWithToken(token).GetAsync("/api/datastores")).StatusCode);
    }

    private async Task ExpectNeverForwardedAsync(string token, string reason)
    {
        var before = fixture.Upstream.Requests;

        using var response = await Gateway.ClientWithToken(token).PostAsync("/api/datastores", new StringContent("{}"));

        Assert.Contains(reason, await response.ExpectProblemAsync(HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    private static async Task<JsonElement> ExpectScimErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
        return error.Clone();
    }
}
