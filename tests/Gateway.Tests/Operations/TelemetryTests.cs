using ScimGateway.Gateway.Tests.Proxy;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Operations;

/// <summary>
/// Traces and the request log. In the serial collection because ASP.NET Core's activity source is process-wide: while
/// a host with tracing on lives, every host in the process starts request activities.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ClientSpanId = "b7ad6b7169203331";

    private EchoUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await EchoUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Tracing_Enabled_TheClientsTraceReachesTheUpstream_WithTheGatewaysSpanAsParent()
    {
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address).WithSetting("Tracing:Enabled", "true");
        var client = gateway.ClientWithToken(gateway.IssueServiceToken("traced"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{TraceId}-{ClientSpanId}-01");

        var echo = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);

        var upstream = echo.GetProperty("headers").GetProperty("traceparent").GetString()!.Split('-');
        Assert.Equal("00", upstream[0]);
        Assert.Equal(TraceId, upstream[1]);
        Assert.NotEqual(ClientSpanId, upstream[2]);
        Assert.Equal("01", upstream[3]);
    }

    [Fact]
    public async Task ProxyRequestLog_TurnedOn_CarriesTokenIdStatusAndDuration_NeverTheToken()
    {
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address)
            .WithSetting("Logging:LogLevel:ScimGateway.ProxyRequests", "Information");
        var token = gateway.IssueServiceToken("logged", Role.Member);
        var client = gateway.ClientWithToken(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores?secret=query-value");
        request.Headers.Add("X-Echo-Status", "404");

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);

        var lines = gateway.Logs.Lines.ToList();
        var index = lines.FindIndex(l => l.StartsWith("Information ScimGateway.ProxyRequests Proxied GET /api/datastores", StringComparison.Ordinal));
        Assert.True(index >= 0, "No request log line: " + string.Join("\n", lines.Where(l => l.Contains("ProxyRequests", StringComparison.Ordinal))));
        Assert.Contains($"for token {Jwt.TokenId(token)}: 404 (forwarded) in ", lines[index], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(index + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)), l => l.StartsWith("  DurationMs=", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains("query-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProxyRequestLog_WithTheShippedSettings_WritesNothing()
    {
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address);
        var client = gateway.ClientWithToken(gateway.IssueServiceToken("quiet"));

        (await client.GetAsync("/api/datastores")).EnsureSuccessStatusCode();

        Assert.DoesNotContain(gateway.Logs.Lines, l => l.Contains("ScimGateway.ProxyRequests", StringComparison.Ordinal));
    }
}
