using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Gateway.Tests.Proxy;

public sealed class ProxyForwardingTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private GatewayFactory Gateway => fixture.Gateway;

    [Fact]
    public async Task PersonalToken_ReachesUpstream_WithIdentityAndWithoutClientCredentialOrSpoofedHeaders()
    {
        var alice = Gateway.AddUser($"alice-{Guid.NewGuid():N}@example.com", Role.Manager);
        var token = Gateway.IssuePersonalToken(alice);
        var client = Gateway.ClientWithToken(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        request.Headers.TryAddWithoutValidation("X-Gateway-User-Id", "someone-else");
        request.Headers.TryAddWithoutValidation("x-gateway-role", "Admin");
        request.Headers.TryAddWithoutValidation("X-GATEWAY-Impersonate", "root");
        request.Headers.TryAddWithoutValidation("X-Other", "kept");

        var echo = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        var headers = echo.GetProperty("headers");

        Assert.Equal(ProxyFixture.UpstreamCredential, headers.GetProperty("Authorization").GetString());
        Assert.DoesNotContain(token, echo.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(alice.Id, headers.GetProperty("X-Gateway-User-Id").GetString());
        Assert.Equal(alice.UserName, headers.GetProperty("X-Gateway-User-Name").GetString());
        Assert.Equal("Human", headers.GetProperty("X-Gateway-User-Type").GetString());
        Assert.Equal("Manager", headers.GetProperty("X-Gateway-Role").GetString());
        Assert.Equal(Jwt.TokenId(token), headers.GetProperty("X-Gateway-Token-Id").GetString());
        Assert.False(headers.TryGetProperty("X-Gateway-Impersonate", out _));
        Assert.Equal("kept", headers.GetProperty("X-Other").GetString());
        Assert.True(headers.TryGetProperty("X-Forwarded-Proto", out _));
        Assert.True(headers.TryGetProperty("X-Forwarded-Host", out _));
        Assert.Equal(5, headers.EnumerateObject().Count(h => h.Name.StartsWith("X-Gateway-", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task ClientTraceContext_ReachesUpstreamUnchanged()
    {
        // The gateway starts no per-request activity of its own (see appsettings.json), so it is transparent to W3C
        // trace context: the client's trace continues at the upstream as if the gateway were not there.
        const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"tracer-{Guid.NewGuid():N}")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        request.Headers.TryAddWithoutValidation("traceparent", TraceParent);
        request.Headers.TryAddWithoutValidation("tracestate", "vendor=opaque");

        var headers = (await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("headers");

        Assert.Equal(TraceParent, headers.GetProperty("traceparent").GetString());
        Assert.Equal("vendor=opaque", headers.GetProperty("tracestate").GetString());
    }

    [Fact]
    public async Task ServiceToken_ReachesUpstream_AsServiceUserWithItsRole()
    {
        var token = Gateway.IssueServiceToken($"pipeline-{Guid.NewGuid():N}", Role.Admin);

        var echo = await (await Gateway.ClientWithToken(token).GetAsync("/api/containers")).ExpectJsonAsync(HttpStatusCode.OK);
        var headers = echo.GetProperty("headers");

        Assert.Equal("Service", headers.GetProperty("X-Gateway-User-Type").GetString());
        Assert.Equal("Admin", headers.GetProperty("X-Gateway-Role").GetString());
        Assert.Equal(Jwt.DecodeWithoutKey(token).Payload.GetProperty("sub").GetString(), headers.GetProperty("X-Gateway-User-Id").GetString());
        Assert.Equal(Jwt.TokenId(token), headers.GetProperty("X-Gateway-Token-Id").GetString());
    }

    [Fact]
    public async Task NonAsciiUserName_IsSentPercentEncoded_NotRejected()
    {
        var user = Gateway.AddUser($"José Müller {Guid.NewGuid():N}");

        var echo = await (await Gateway.ClientWithToken(Gateway.IssuePersonalToken(user)).GetAsync("/api/users/me")).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal(user.UserName, Uri.UnescapeDataString(echo.GetProperty("headers").GetProperty("X-Gateway-User-Name").GetString()!));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task MethodPathQueryAndBody_PassThroughUnchanged(string method)
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"bob-{Guid.NewGuid():N}")));
        const string body = """{"name":"orders","tags":["a","b"],"note":"ünïcode"}""";
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/datastores/42/containers?name=a%20b&x=1&x=2&empty=");
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var echo = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal(method, echo.GetProperty("method").GetString());
        Assert.Equal("/api/datastores/42/containers", echo.GetProperty("path").GetString());
        Assert.Equal("?name=a%20b&x=1&x=2&empty=", echo.GetProperty("query").GetString());
        Assert.Equal(body, echo.GetProperty("body").GetString());
        Assert.Equal("application/json; charset=utf-8", echo.GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Theory]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task UpstreamStatusAndHeaders_PassThroughUnchanged(int status)
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"carol-{Guid.NewGuid():N}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/datastores");
        request.Headers.Add("X-Echo-Status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Echo-Set-Location", "/api/datastores/7");
        request.Headers.Add("X-Echo-Set-X-Upstream-Trace", "abc-123");
        request.Headers.Add("X-Echo-Set-ETag", "\"v7\"");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("/api/datastores/7", response.Headers.Location?.OriginalString);
        Assert.Equal("abc-123", response.Headers.GetValues("X-Upstream-Trace").Single());
        Assert.Equal("\"v7\"", response.Headers.ETag?.Tag);
        if (status == 204)
        {
            Assert.Equal("", body);
        }
        else
        {
            // The upstream's own body, not a gateway error body.
            Assert.Equal("POST", JsonDocument.Parse(body).RootElement.GetProperty("method").GetString());
        }
    }

    [Fact]
    public async Task UpstreamErrorWithEmptyBody_StaysEmpty()
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"dave-{Guid.NewGuid():N}")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores/999");
        request.Headers.Add("X-Echo-Status", "404");
        request.Headers.Add("X-Echo-Empty", "1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FiftyMegabyteUpload_StreamsThroughIntact()
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"erin-{Guid.NewGuid():N}")));
        using var content = new StreamContent(new PatternStream(FiftyMegabytes), 64 * 1024);
        content.Headers.ContentLength = FiftyMegabytes;
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var echo = await (await client.PostAsync("/api/datastores/1/upload", content)).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal(FiftyMegabytes, echo.GetProperty("bodyLength").GetInt64());
        Assert.Equal(Convert.ToHexString(PatternStream.Sha256(FiftyMegabytes)), echo.GetProperty("bodySha256").GetString());
    }

    [Fact]
    public async Task FiftyMegabyteDownload_StreamsThroughIntact()
    {
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(Gateway.AddUser($"frank-{Guid.NewGuid():N}")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/exports/1/download");
        request.Headers.Add("X-Echo-Download-Bytes", FiftyMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FiftyMegabytes, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        Assert.Equal(FiftyMegabytes, length);
        Assert.Equal(PatternStream.Sha256(FiftyMegabytes), hash.GetHashAndReset());
    }

    [Fact]
    public async Task ProxiedRequests_AreCountedWithTheUpstreamsStatusClass()
    {
        var token = Gateway.IssuePersonalToken(Gateway.AddUser($"gina-{Guid.NewGuid():N}"));
        var client = Gateway.ClientWithToken(token);

        foreach (var status in new[] { 200, 201, 404, 500, 503 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
            request.Headers.Add("X-Echo-Status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(status, (int)(await client.SendAsync(request)).StatusCode);
        }

        var usage = Gateway.Service<UsageAccumulator>().Find(Jwt.TokenId(token));
        Assert.NotNull(usage);
        Assert.Equal(2, usage.Success);
        Assert.Equal(1, usage.ClientError);
        Assert.Equal(2, usage.ServerError);
        Assert.Equal(Gateway.Time.GetUtcNow().UtcTicks, usage.LastUsedTicks);
    }

    [Fact]
    public async Task Usage_CountsWhatTheTokenWasAllowedToAsk_NotWhatAuthorizationRefused()
    {
        // Refused by the route's policy (a SCIM token on the API): the token was not allowed to make the request.
        var scimToken = Gateway.IssueServiceToken($"okta-{Guid.NewGuid():N}", Role.Admin, scim: true);
        Assert.Equal(HttpStatusCode.Forbidden, (await Gateway.ClientWithToken(scimToken).GetAsync("/api/datastores")).StatusCode);

        // Allowed, then answered 404 by the gateway (its own path, never forwarded) and 504 (the upstream too slow).
        var token = Gateway.IssuePersonalToken(Gateway.AddUser($"hal-{Guid.NewGuid():N}"));
        var client = Gateway.ClientWithToken(token);
        using var ownPath = new HttpRequestMessage(HttpMethod.Patch, "/api/user-tokens");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(ownPath)).StatusCode);
        using var slow = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        slow.Headers.Add("X-Echo-Delay-Ms", "5000");
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await client.SendAsync(slow)).StatusCode);

        var usage = Gateway.Service<UsageAccumulator>();
        var refused = usage.Find(Jwt.TokenId(scimToken));
        Assert.True(refused is null or { Success: 0, ClientError: 0, ServerError: 0, LastUsedTicks: 0 }, $"Counted: {refused}");
        var counted = usage.Find(Jwt.TokenId(token));
        Assert.NotNull(counted);
        Assert.Equal((0, 1, 1), (counted.Success, counted.ClientError, counted.ServerError));
    }

    [Fact]
    public async Task WithoutUpstreamCredential_UpstreamSeesNoAuthorizationAtAll()
    {
        using var gateway = ProxyFixture.CreateGateway(fixture.Upstream.Address, upstreamCredential: null);
        var token = gateway.IssuePersonalToken(gateway.AddUser("hank@example.com"));

        var echo = await (await gateway.ClientWithToken(token).GetAsync("/api/datastores")).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.False(echo.GetProperty("headers").TryGetProperty("Authorization", out _));
        Assert.DoesNotContain(token, echo.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredPrefix_NamesTheIdentityHeaders_AndStripsThatPrefix()
    {
        using var gateway = ProxyFixture.CreateGateway(fixture.Upstream.Address).WithSetting("Gateway:IdentityHeaderPrefix", "X-Acme-");
        var user = gateway.AddUser("ivy@example.com", Role.Admin);
        var client = gateway.ClientWithToken(gateway.IssuePersonalToken(user));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        request.Headers.Add("x-acme-role", "Member");
        request.Headers.Add("X-Acme-Extra", "spoofed");

        var headers = (await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("headers");

        Assert.Equal("Admin", headers.GetProperty("X-Acme-Role").GetString());
        Assert.Equal(user.Id, headers.GetProperty("X-Acme-User-Id").GetString());
        Assert.False(headers.TryGetProperty("X-Acme-Extra", out _));
    }
}
