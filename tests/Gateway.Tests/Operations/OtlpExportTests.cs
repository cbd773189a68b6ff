using System.Diagnostics;
using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Operations;

[Collection(MetricsCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task StandardOtlpVariables_SendMetricsAndOptInTracesToTheCollector()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address)
            .WithSetting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address.ToString())
            .WithSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithSetting("OTEL_METRIC_EXPORT_INTERVAL", "200")
            .WithSetting("OTEL_BSP_SCHEDULE_DELAY", "200")
            .WithSetting("Tracing:Enabled", "true");
        var client = gateway.ClientWithToken(gateway.IssueServiceToken("otlp"));

        (await client.GetAsync("/api/datastores")).EnsureSuccessStatusCode();

        var watch = Stopwatch.StartNew();
        while (!(Received(collector, "/v1/metrics") && Received(collector, "/v1/traces")) && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.True(Received(collector, "/v1/metrics"), "No OTLP metrics export arrived: " + string.Join(", ", collector.Exports));
        Assert.True(Received(collector, "/v1/traces"), "No OTLP traces export arrived: " + string.Join(", ", collector.Exports));
    }

    [Fact]
    public async Task StandardOtlpVariables_WithoutTracingEnabled_SendNoTraces()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var upstream = await EchoUpstream.StartAsync();
        using var gateway = ProxyFixture.CreateGateway(upstream.Address)
            .WithSetting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address.ToString())
            .WithSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithSetting("OTEL_METRIC_EXPORT_INTERVAL", "200")
            .WithSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
        var client = gateway.ClientWithToken(gateway.IssueServiceToken("otlp-quiet"));

        (await client.GetAsync("/api/datastores")).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        while (!Received(collector, "/v1/metrics") && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        // Metrics arrive every 200 ms; by the time they have, a trace batch (also every 200 ms) would have too.
        await Task.Delay(1000);
        Assert.True(Received(collector, "/v1/metrics"));
        Assert.False(Received(collector, "/v1/traces"));
    }

    private static bool Received(OtlpReceiver collector, string path) =>
        collector.Exports.Any(e => e.Path == path && e.ContentType == "application/x-protobuf" && e.Bytes > 0);
}
