namespace ScimGateway.Gateway.Tests.Proxy;

public sealed class ProxyFailureTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task UpstreamStopped_Is502WithProblemBody_AndTheGatewayStaysHealthy()
    {
        var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address);
        var token = gateway.IssuePersonalToken(gateway.AddUser("down@example.com"));
        var client = gateway.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/datastores")).StatusCode);
        await upstream.StopAsync();
        await upstream.DisposeAsync();

        using var response = await client.GetAsync("/api/datastores");

        var detail = await response.ExpectProblemAsync(HttpStatusCode.BadGateway);
        Assert.Contains("could not be reached (connection refused)", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);
        gateway.Time.Advance(TimeSpan.FromMinutes(1));
        var health = await (await gateway.CreateClient().GetAsync("/healthz")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("unreachable", health.GetProperty("upstream").GetProperty("status").GetString());
        Assert.Equal(1, gateway.Service<ScimGateway.Tokens.Usage.UsageAccumulator>().Find(Jwt.TokenId(token))!.ServerError);
        Assert.DoesNotContain(gateway.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal)
            || line.Contains(ProxyFixture.UpstreamCredential, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpstreamSlowerThanTheTimeout_Is504WithProblemBody()
    {
        var client = fixture.Gateway.ClientWithToken(fixture.Gateway.IssuePersonalToken(fixture.Gateway.AddUser($"slow-{Guid.NewGuid():N}")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        // The upstream would answer 200 after 5 s: a 504 naming the 1 s timeout shows the gateway did not wait for it.
        request.Headers.Add("X-Echo-Delay-Ms", "5000");

        using var response = await client.SendAsync(request);

        var detail = await response.ExpectProblemAsync(HttpStatusCode.GatewayTimeout);
        Assert.Contains("did not answer within 1 s", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_ReportsUpstreamReachability_CachedForAFewSeconds()
    {
        var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address);
        var client = gateway.CreateClient();

        var first = await (await client.GetAsync("/healthz")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("reachable", first.GetProperty("upstream").GetProperty("status").GetString());
        Assert.Equal(upstream.Address.GetLeftPart(UriPartial.Authority), first.GetProperty("upstream").GetProperty("address").GetString());
        Assert.Equal("ok", first.GetProperty("storage").GetString());

        await upstream.DisposeAsync();
        var cached = await (await client.GetAsync("/healthz")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("reachable", cached.GetProperty("upstream").GetProperty("status").GetString());

        gateway.Time.Advance(TimeSpan.FromSeconds(6));
        var fresh = await (await client.GetAsync("/healthz")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("unreachable", fresh.GetProperty("upstream").GetProperty("status").GetString());
        Assert.Equal("healthy", fresh.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Gateway:IdentityHeaderPrefix", "")]
    [InlineData("Gateway:IdentityHeaderPrefix", "X Gateway")]
    [InlineData("Gateway:UpstreamAuthorization", "Bearer line\nbreak")]
    [InlineData("Gateway:UpstreamProbe:Timeout", "00:05:00")]
    public void InvalidGatewaySetting_FailsTheStartWithAMessageNamingIt(string key, string value)
    {
        using var gateway = ProxyFixture.CreateGateway(fixture.Upstream.Address).WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => gateway.Server);

        var message = error is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(e => e.Message)) : error.Message;
        Assert.Contains(key.Split(':')[^1], message, StringComparison.Ordinal);
    }
}
