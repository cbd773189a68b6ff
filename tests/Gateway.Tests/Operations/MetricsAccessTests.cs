using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Operations;

/// <summary>Network rules need a real remote address: these hosts listen on loopback with Kestrel.</summary>
public sealed class MetricsAccessTests
{
    [Fact]
    public async Task Metrics_FromLoopback_AreServedWithoutCredential_ByDefault()
    {
        using var gateway = new GatewayFactory();
        gateway.StartOnKestrel();

        var response = await gateway.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("target_info", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromANetworkNotListed_Are403_AndOpenWithTheCredential()
    {
        using var gateway = new GatewayFactory()
            .WithSetting("Metrics:AllowedNetworks", "10.0.0.0/8, fd00::/8")
            .WithMetricsCredential();
        gateway.StartOnKestrel();

        await (await gateway.CreateClient().GetAsync("/metrics")).ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("target_info", (await gateway.ScrapeAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutFrameworkInstruments_ServeOnlyTheGatewaysOwnMeters()
    {
        await using var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address).WithSetting("Metrics:Framework", "false").WithMetricsCredential();
        (await gateway.ClientWithToken(gateway.IssueServiceToken("own-only")).GetAsync("/api/datastores")).EnsureSuccessStatusCode();

        var metrics = await gateway.ScrapeAsync();

        Assert.True(metrics.Has("gateway_proxy_requests_total"));
        Assert.True(metrics.Has("gateway_token_checks_total"));
        Assert.False(metrics.Has("http_server_request_duration_seconds_count"));
        Assert.False(metrics.Has("http_client_request_duration_seconds_count"));
    }

    [Fact]
    public async Task Metrics_Disabled_AreNotServed()
    {
        using var gateway = new GatewayFactory().WithSetting("Metrics:Enabled", "false");

        var response = await gateway.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Start_WithAMalformedAllowedNetwork_FailsWithTheSettingNamed()
    {
        using var gateway = new GatewayFactory().WithSetting("Metrics:AllowedNetworks", "127.0.0.0/8 10.0.0.0/33");

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Metrics:AllowedNetworks", error.ToString(), StringComparison.Ordinal);
    }
}
