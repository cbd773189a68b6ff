namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>
/// The canonical-path rule over a real socket: request targets that an upstream could read as one of the gateway's own
/// paths (or as another path than the gateway did) are refused with 400 or served by the gateway itself, and the
/// upstream receives none of them. Sent raw, because HttpClient would normalise most of them before sending.
/// </summary>
public sealed class DisguisedPathTests(KestrelGatewayFixture fixture) : IClassFixture<KestrelGatewayFixture>
{
    public static TheoryData<string, int> DisguisedTargets => new()
    {
        // The forms named in issue #11.
        { "/api//user-tokens", 400 },
        { "/api/user-tokens;x", 400 },
        { "/api/scim/v2;/Users", 400 },
        { "/api/%2Fscim/v2/Users", 400 },
        { "/api/x/..;/audit", 400 },
        { "/api/%5Cuser-tokens", 400 },

        // Backslashes, raw and encoded.
        { "/api/%5cuser-tokens", 400 },
        { "/api\\user-tokens", 400 },
        { "/api/user-tokens\\", 400 },

        // Dot segments, plain, encoded, mixed, at the end.
        { "/api/./user-tokens", 400 },
        { "/api/x/../user-tokens", 400 },
        { "/api/%2e%2e/user-tokens", 400 },
        { "/api/.%2E/audit", 400 },
        { "/api/%2E/audit", 400 },
        { "/api/user-tokens/.", 400 },
        { "/api/user-tokens/..", 400 },
        { "/api/x/%2e%2e%2fuser-tokens", 400 },

        // Path parameters, encoded.
        { "/api/user-tokens%3Bx", 400 },
        { "/api/user-tokens%3bx", 400 },
        { "/api/scim/v2/Users;.json", 400 },

        // Control characters, encoded (raw ones never get past Kestrel's request-line parser).
        { "/api/user-tokens%0a", 400 },
        { "/api/user-tokens%0D%0AX-Injected:%201", 400 },
        { "/api/user-tokens%7f", 400 },
        { "/api/user-tokens%09", 400 },

        // Double encoding, broken encoding, overlong and truncated UTF-8, IIS %u.
        { "/api/%252e%252e/audit", 400 },
        { "/api/user-tokens%2500", 400 },
        { "/api/%C0%AE%C0%AE/user-tokens", 400 },
        { "/api/%E0%80%AE/user-tokens", 400 },
        { "/api/user-tokens%E9", 400 },
        { "/api/%u002e%u002e/audit", 400 },
        { "/api/user-tokens%2", 400 },

        // The /api prefix itself disguised.
        { "//api/user-tokens", 400 },
        { "/%2Fapi/user-tokens", 400 },
        { "/api%2Fuser-tokens", 400 },
        { "/api%2fuser-tokens", 400 },
        { "/API;x/user-tokens", 400 },
        { "/API//user-tokens", 400 },
        { "/./api/user-tokens", 400 },
        { "/x/../api//user-tokens", 400 },
        { "/%61pi//user-tokens", 400 },

        // SCIM.
        { "/api/scim/v2//Users", 400 },
        { "/api/scim/v2/Users/%2e%2e/Groups", 400 },
        { "/api/scim%2Fv2/Users", 400 },

        // Absolute-form targets (Kestrel resolves these through System.Uri, which removes dot segments and reads '\' as '/').
        { "http://{authority}/api//user-tokens", 400 },
        { "http://{authority}/api/x/../user-tokens", 400 },
        { "http://{authority}/api/x/%2e%2e/audit", 400 },

        // Spellings that the gateway reads as its own path: it serves or refuses them itself.
        { "/API/user-tokens", 200 },
        { "/api/USER-TOKENS", 200 },
        { "/api/%75ser-tokens", 200 },
        { "/api/user-tokens/", 200 },
        { "/api/user-tokens.json", 404 },
        { "/api/user-tokens%20", 404 },
        { "/api/Audit.", 404 },
    };

    [Theory]
    [MemberData(nameof(DisguisedTargets))]
    public async Task DisguisedPath_IsRefusedOrServedLocally_AndNeverReachesTheUpstream(string target, int expected)
    {
        var before = fixture.Upstream.Requests;

        var response = await SendAsync(target, fixture.AdminToken);

        Assert.True(expected == response.Status, $"{target}: expected {expected}, got {response.Status}: {response.Body}");
        Assert.Equal(before, fixture.Upstream.Requests);
        Assert.DoesNotContain("\"rawTarget\"", response.Body, StringComparison.Ordinal);

        // The gateway's own answer (a JSON error or its endpoint's body), not Kestrel's bare refusal.
        Assert.Contains(response.ContentType, new[] { "application/problem+json", "application/scim+json", "application/json" });
    }

    /// <summary>
    /// Kestrel refuses these itself before any middleware: a decoded NUL, an absolute-form authority that is not the
    /// Host, raw bytes outside ASCII (the rule would refuse them too: see <see cref="CanonicalPathPropertyTests"/>).
    /// </summary>
    [Theory]
    [InlineData("/api/user-tokens%00")]
    [InlineData("/api/é/../user-tokens")]
    [InlineData("/api/user-tokens\u00a0")]
    [InlineData("http://{authority}\\api\\user-tokens")]
    public async Task TargetsKestrelRefuses_Are400_AndNeverReachTheUpstream(string target)
    {
        var before = fixture.Upstream.Requests;

        var response = await SendAsync(target, fixture.AdminToken);

        Assert.Equal(400, response.Status);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Theory]
    [InlineData("/api/datastores", "/api/datastores")]
    [InlineData("/api/datastores/", "/api/datastores/")]
    [InlineData("/api/datastores/a%20b", "/api/datastores/a b")]
    [InlineData("/api/datastores/%C3%A9t%C3%A9", "/api/datastores/été")]
    [InlineData("/api/datastores/v1.2/report.json", "/api/datastores/v1.2/report.json")]
    [InlineData("/api/datastores?next=../x;y%2F", "/api/datastores")]
    [InlineData("http://{authority}/api/datastores/7", "/api/datastores/7")]
    public async Task CanonicalPath_IsForwardedUnchanged(string target, string upstreamPath)
    {
        var before = fixture.Upstream.Requests;

        var response = await SendAsync(target, fixture.AdminToken);

        Assert.True(response.Status == 200, $"{target}: got {response.Status}: {response.Body}");
        Assert.Equal(before + 1, fixture.Upstream.Requests);
        Assert.Equal(upstreamPath, response.Json().GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("/api/scim/v2//Users")]
    [InlineData("/api/scim/v2/Users/%2e%2e/Groups")]
    [InlineData("/api/scim/v2/Users/x%3B")]
    public async Task NonCanonicalScimPath_Is400WithScimErrorInvalidSyntax(string target)
    {
        var response = await SendAsync(target, fixture.ScimToken);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/scim+json", response.ContentType);
        var error = response.Json();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Equal("invalidSyntax", error.GetProperty("scimType").GetString());
        Assert.Equal("400", error.GetProperty("status").GetString());
    }

    [Fact]
    public async Task NonCanonicalPath_IsRefusedBeforeAuthentication_WithProblemJson()
    {
        var response = await RawHttp.SendAsync(fixture.Address, "GET /api//user-tokens HTTP/1.1", []);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("canonical", response.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hangfire//x")]
    [InlineData("/login;x")]
    [InlineData("/apis/x/../y")]
    public async Task PathsOutsideApi_AreNotSubjectToTheRule(string target)
    {
        var response = await SendAsync(target, fixture.AdminToken);

        Assert.NotEqual(400, response.Status);
    }

    /// <summary>Absolute-form targets name the gateway's own authority, which Kestrel requires to match the Host header.</summary>
    private Task<RawResponse> SendAsync(string target, string token) =>
        RawHttp.SendAsync(fixture.Address, $"GET {target.Replace("{authority}", fixture.Address.Authority, StringComparison.Ordinal)} HTTP/1.1",
            [$"Authorization: Bearer {token}"]);
}
