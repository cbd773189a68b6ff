using System.Net.Http.Headers;

namespace ScimGateway.Gateway.Tests.Proxy;

/// <summary>Size limits are Kestrel's, so these run the gateway on a real Kestrel loopback port, not the test server.</summary>
public sealed class ProxyLimitsTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private const long Limit = 1024 * 1024;

    [Fact]
    public async Task OversizedBodies_AreRefusedWith413_AndNeverReachTheUpstream()
    {
        using var gateway = StartOnKestrel();
        var client = KestrelClient(gateway, "big@example.com");
        var before = fixture.Upstream.Requests;

        // Expect: 100-continue, as curl sends for large uploads: the client waits for the gateway's answer before it
        // sends the body. Without it the client may still be writing when the gateway, having refused, closes the
        // connection, and it sees a broken pipe instead of the 413.
        using var declared = new HttpRequestMessage(HttpMethod.Post, "/api/datastores/1/upload")
        {
            Content = new StreamContent(new PatternStream(Limit + 1)),
        };
        declared.Content.Headers.ContentLength = Limit + 1;
        declared.Headers.ExpectContinue = true;
        using var declaredResponse = await client.SendAsync(declared);

        Assert.Contains("exceeds", await declaredResponse.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);

        // Under the limit still passes.
        using var small = new StreamContent(new PatternStream(Limit));
        small.Headers.ContentLength = Limit;
        var echo = await (await client.PostAsync("/api/datastores/1/upload", small)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Limit, echo.GetProperty("bodyLength").GetInt64());
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_IsRefusedWith413WithoutA500()
    {
        using var gateway = StartOnKestrel();
        var client = KestrelClient(gateway, "chunked@example.com");

        using var chunked = new StreamContent(new PatternStream(4 * Limit));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        HttpResponseMessage? response = null;
        try
        {
            response = await client.PostAsync("/api/datastores/1/upload", chunked);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.Unknown
            && ex.InnerException is IOException)
        {
            // Kestrel may close the connection while the client is still sending; that is a refusal too.
            return;
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
    }

    [Fact]
    public async Task OversizedHeaders_AreRefusedWith431()
    {
        using var gateway = StartOnKestrel();
        var client = KestrelClient(gateway, "headers@example.com");
        var before = fixture.Upstream.Requests;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    private static HttpClient KestrelClient(GatewayFactory gateway, string userName)
    {
        var client = gateway.ClientWithToken(gateway.IssuePersonalToken(gateway.AddUser(userName)));
        client.BaseAddress = gateway.ClientOptions.BaseAddress;
        Assert.NotEqual(80, client.BaseAddress.Port);
        return client;
    }

    private GatewayFactory StartOnKestrel()
    {
        // A roomier upstream timeout than the fixture's 1 s: a 1 MiB upload on a loaded machine can take longer.
        var gateway = ProxyFixture.CreateGateway(fixture.Upstream.Address)
            .WithSetting("ReverseProxy:Clusters:qualytics:HttpRequest:ActivityTimeout", "00:00:15")
            .WithSetting("Kestrel:Limits:MaxRequestBodySize", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return gateway.StartOnKestrel();
    }
}
