using System.Net.Http.Headers;
using ScimGateway.Gateway.Tests.Proxy;
using ScimGateway.Gateway.Tests.Scim;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Operations;

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests : IAsyncLifetime
{
    private const string ProxyRoute = "/api/{**rest}";

    private EchoUpstream _upstream = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _gateway = ProxyFixture.CreateGateway(_upstream.Address).WithMetricsCredential();
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task ProxiedTraffic_IsCountedByOutcomeAndStatusClass_AndPromtoolAcceptsTheExposition()
    {
        var user = _gateway.AddUser("metrics-user@example.com");
        var token = _gateway.IssuePersonalToken(user);
        var client = _gateway.ClientWithToken(token);
        for (var i = 0; i < 7; i++)
        {
            (await client.GetAsync($"/api/datastores?i={i}")).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 3; i++)
        {
            using var failing = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
            failing.Headers.Add("X-Echo-Status", "503");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.SendAsync(failing)).StatusCode);
        }

        var anonymous = _gateway.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/datastores")).StatusCode);
        }

        var garbage = _gateway.ClientWithToken("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/api/datastores")).StatusCode);

        var metrics = await _gateway.ScrapeAsync();

        Assert.Equal(7, metrics.Sum("gateway_proxy_requests_total", ("outcome", "forwarded"), ("status_class", "2xx")));
        Assert.Equal(3, metrics.Sum("gateway_proxy_requests_total", ("outcome", "forwarded"), ("status_class", "5xx")));
        Assert.Equal(3, metrics.Sum("gateway_proxy_requests_total", ("outcome", "refused"), ("status_class", "4xx")));
        // The proxy's latency is ASP.NET Core's histogram on the proxy route; its 5xx answers carry error.type.
        Assert.Equal(13, metrics.Sum("http_server_request_duration_seconds_count", ("http_route", ProxyRoute)));
        Assert.Equal(3, metrics.Sum("http_server_request_duration_seconds_count", ("http_route", ProxyRoute), ("error_type", "503")));
        Assert.Equal(10, metrics.Sum("gateway_token_checks_total", ("result", "valid")));
        Assert.Equal(1, metrics.Sum("gateway_token_checks_total", ("result", "valid"), ("cache", "miss")));
        Assert.Equal(9, metrics.Sum("gateway_token_checks_total", ("result", "valid"), ("cache", "hit")));
        Assert.Equal(1, metrics.Sum("gateway_token_checks_total", ("result", "malformed"), ("cache", "none")));
        Assert.Equal(1, metrics.Sum("gateway_token_validation_cache_size"));
        Assert.True(metrics.Has("gateway_usage_flush_lag_seconds"));
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count") >= 13, "ASP.NET Core's own request metrics are exported.");
        Assert.True(metrics.Sum("http_client_request_duration_seconds_count") >= 10, "HttpClient's metrics (the upstream calls) are exported.");
        Assert.False(metrics.Has("aspnetcore_memory_pool_rented_bytes_total"), "Per-request framework instruments dropped for cost are off.");

        // No personal data or secret in any label.
        Assert.DoesNotContain(token, metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Jwt.TokenId(token), metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.UserName, metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Id, metrics.Text, StringComparison.Ordinal);

        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics.Text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}");
    }

    [Fact]
    public async Task ProxiedRequestsInFlight_AreCounted_AndNoLongerOnceAnswered()
    {
        // The shared test proxy gives up on the upstream after 1 s; this request must stay in flight for longer.
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address).WithMetricsCredential()
            .WithSetting("ReverseProxy:Clusters:qualytics:HttpRequest:ActivityTimeout", "00:00:30");
        var client = gateway.ClientWithToken(gateway.IssuePersonalToken(gateway.AddUser("in-flight@example.com")));
        using var slow = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        slow.Headers.Add("X-Echo-Delay-Ms", "5000");
        var pending = client.SendAsync(slow);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var inFlight = 0.0;
        while (inFlight < 1 && DateTime.UtcNow < deadline)
        {
            inFlight = (await gateway.ScrapeAsync()).Sum("gateway_proxy_active_requests");
        }

        Assert.Equal(1, inFlight);
        (await pending).EnsureSuccessStatusCode();
        var metrics = await gateway.ScrapeAsync();
        Assert.Equal(0, metrics.Sum("gateway_proxy_active_requests"));
        Assert.False(metrics.Has("http_server_active_requests"), "ASP.NET Core's in-flight count is dropped for cost; the gateway counts the proxied requests.");
    }

    [Fact]
    public async Task ForgedAndRevokedTokens_AreCountedWithTheirReason()
    {
        var user = _gateway.AddUser("checks@example.com");
        var token = _gateway.IssuePersonalToken(user);
        var forged = token[..(token.LastIndexOf('.') + 1)] + new string('A', 43);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.ClientWithToken(forged).GetAsync("/api/datastores")).StatusCode);
        var client = _gateway.ClientWithToken(token);
        (await client.GetAsync("/api/datastores")).EnsureSuccessStatusCode();
        var id = Jwt.TokenId(token);
        (await client.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/datastores")).StatusCode);

        var metrics = await _gateway.ScrapeAsync();

        Assert.Equal(1, metrics.Sum("gateway_token_checks_total", ("result", "bad_signature"), ("cache", "miss")));
        Assert.Equal(1, metrics.Sum("gateway_token_checks_total", ("result", "revoked")));
        Assert.Equal(1, metrics.Sum("gateway_proxy_requests_total", ("outcome", "forwarded")));
    }

    [Fact]
    public async Task ScimOperations_AreCountedByResourceOperationAndStatus()
    {
        var scim = new ScimClient(_gateway.ClientWithToken(_gateway.IssueServiceToken("idp-metrics", Role.Admin, scim: true)));
        var created = await scim.CreateUserAsync("scim-metrics@example.com");
        var id = created.GetProperty("id").GetString();
        (await scim.GetAsync($"/Users/{id}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync("/Users/does-not-exist")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scim.PostAsync("/Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"scim-metrics@example.com"}""")).StatusCode);
        (await scim.GetAsync("/ServiceProviderConfig")).EnsureSuccessStatusCode();

        var metrics = await _gateway.ScrapeAsync();

        Assert.Equal(1, metrics.Sum("gateway_scim_operations_total", ("resource", "User"), ("operation", "create"), ("status", "201")));
        Assert.Equal(1, metrics.Sum("gateway_scim_operations_total", ("resource", "User"), ("operation", "create"), ("status", "409")));
        Assert.Equal(1, metrics.Sum("gateway_scim_operations_total", ("resource", "User"), ("operation", "get"), ("status", "200")));
        Assert.Equal(1, metrics.Sum("gateway_scim_operations_total", ("resource", "User"), ("operation", "get"), ("status", "404")));
        Assert.Equal(1, metrics.Sum("gateway_scim_operations_total", ("resource", "discovery"), ("operation", "service_provider_config")));
        Assert.DoesNotContain("scim-metrics@example.com", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutCredentialFromAnUnlistedAddress_Are403()
    {
        // The in-process test server has no remote address, so only the credential can open /metrics here.
        var client = _gateway.CreateClient();
        await (await client.GetAsync("/metrics")).ExpectProblemAsync(HttpStatusCode.Forbidden);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsScraper.Credential + "x");
        await (await client.SendAsync(wrong)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        // A gateway token is not the metrics credential.
        var token = _gateway.IssueServiceToken("not-metrics", Role.Admin);
        await (await _gateway.ClientWithToken(token).GetAsync("/metrics")).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_WithCredentialAsBearer_AreServed()
    {
        var client = _gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsScraper.Credential);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ArePartOfNoProxyRoute_AndNotForwarded()
    {
        var before = _upstream.Requests;
        var client = _gateway.ClientWithToken(_gateway.IssueServiceToken("proxy-user"));

        // The gateway answers /metrics itself (a proxy token is not the metrics credential), the upstream never sees it.
        await (await client.GetAsync("/metrics")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, _upstream.Requests);

        // /api/metrics belongs to the upstream: the echo answers it with the path it received.
        var forwarded = await (await client.GetAsync("/api/metrics")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("/api/metrics", forwarded.GetProperty("path").GetString());
        Assert.Equal(before + 1, _upstream.Requests);
    }
}
