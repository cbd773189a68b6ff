using System.Text.Json;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Operations;

public sealed class HealthTests : IAsyncLifetime
{
    private EchoUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await EchoUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Ready_WithStorageAndUpstreamUp_Is200WithEveryCheckHealthy()
    {
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address);

        var response = await gateway.CreateClient().GetAsync("/healthz/ready");
        var body = await response.ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["jobs", "storage", "upstream"], Checks(body).Keys.Order(StringComparer.Ordinal));
        Assert.All(Checks(body).Values, check => Assert.Equal("Healthy", check.GetProperty("status").GetString()));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Ready_WhenTheUpstreamIsDown_Is503WithTheReason_WhileLiveStays200()
    {
        var upstream = await EchoUpstream.StartAsync();
        var address = upstream.Address;
        await upstream.DisposeAsync();
        using var gateway = ProxyFixture.CreateGateway(address);
        var client = gateway.CreateClient();

        var readyResponse = await client.GetAsync("/healthz/ready");
        var ready = await readyResponse.ExpectJsonAsync(HttpStatusCode.ServiceUnavailable);
        var live = await (await client.GetAsync("/healthz/live")).ExpectJsonAsync(HttpStatusCode.OK);
        await (await OpenApiContract.LoadAsync(client)).AssertDocumentsAsync("GET", "/healthz/ready", readyResponse);

        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        var check = Checks(ready)["upstream"];
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("did not accept a connection", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", Checks(ready)["storage"].GetProperty("status").GetString());
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_WhenTheStoreFails_Is503WithTheReasonAndNoSecret_WhileLiveStays200()
    {
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address);
        var client = gateway.CreateClient();
        await (await client.GetAsync("/healthz/ready")).ExpectJsonAsync(HttpStatusCode.OK);

        // The database file goes away under the running node, as when its volume is lost.
        gateway.Service<ScimGateway.Gateway.Storage.LiteDb.GatewayStorage>().Database.Dispose();

        var response = await client.GetAsync("/healthz/ready");
        var text = await response.Content.ReadAsStringAsync();
        var ready = await response.ExpectJsonAsync(HttpStatusCode.ServiceUnavailable);
        var storage = Checks(ready)["storage"];
        Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
        Assert.Contains("cannot be written", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.DataDirectory, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ProxyFixture.UpstreamCredential, text, StringComparison.Ordinal);
        await (await client.GetAsync("/healthz/live")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Healthz_KeepsItsShape()
    {
        using var gateway = ProxyFixture.CreateGateway(_upstream.Address);

        var body = await (await gateway.CreateClient().GetAsync("/healthz")).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetString());
        Assert.Equal("reachable", body.GetProperty("upstream").GetProperty("status").GetString());
    }

    internal static Dictionary<string, JsonElement> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c, StringComparer.Ordinal);
}
