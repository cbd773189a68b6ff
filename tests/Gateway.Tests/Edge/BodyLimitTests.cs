using System.Net.Http.Headers;
using System.Text;
using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>
/// Body limits of the gateway's own endpoints on a real Kestrel port, with chunked bodies (no Content-Length) written
/// over a socket: refused with 413 and the right error body once past the limit, and the rest of the body is not read.
/// The proxied pass-through keeps streaming under Kestrel's own limit.
/// </summary>
public sealed class BodyLimitTests(KestrelGatewayFixture fixture) : IClassFixture<KestrelGatewayFixture>
{
    /// <summary>Far more than any local limit and than loopback socket buffers hold, so "sent less" means "the server stopped reading".</summary>
    private const long Endless = 64L * 1_048_576;

    [Fact]
    public async Task TokenApi_ChunkedBodyPastTheLimit_Is413ProblemJson_AndTheRestIsNotRead()
    {
        var (response, sent) = await RawHttp.SendChunkedAsync(fixture.Address, "POST /api/user-tokens HTTP/1.1",
            [$"Authorization: Bearer {fixture.AdminToken}", "Content-Type: application/json"], Endless, prefix: "{\"name\":\""u8.ToArray());

        Assert.True(response.Status == 413, $"Got {response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("65536", response.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(sent < Endless, "The gateway read the whole body.");
    }

    [Fact]
    public async Task TokenApi_DeclaredLengthPastTheLimit_Is413BeforeAnyBodyIsSent()
    {
        var response = await RawHttp.SendAsync(fixture.Address, "POST /api/user-tokens HTTP/1.1",
            [$"Authorization: Bearer {fixture.AdminToken}", "Content-Type: application/json", "Content-Length: 65537"]);

        Assert.Equal(413, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task TokenApi_ChunkedBodyUnderTheLimit_IsServed()
    {
        using var client = fixture.AdminClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name":"chunked-{{Guid.NewGuid():N}}","expires_in_days":7}""")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;

        using var response = await client.PostAsync("/api/user-tokens", content);

        await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SignInForm_ChunkedBodyPastTheLimit_Is413ProblemJson()
    {
        var (response, sent) = await RawHttp.SendChunkedAsync(fixture.Address, "POST /login HTTP/1.1",
            ["Content-Type: application/x-www-form-urlencoded"], Endless, prefix: "token="u8.ToArray());

        Assert.True(response.Status == 413, $"Got {response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("16384", response.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(sent < Endless, "The gateway read the whole form.");
    }

    [Fact]
    public async Task Scim_ChunkedBodyPastTheConfiguredLimit_Is413ScimError()
    {
        using var gateway = KestrelGatewayFixture.Start(fixture.Upstream.Address, g => g.WithSetting("Gateway:Limits:ScimBodyBytes", "65536"));
        var token = gateway.IssueServiceToken("limits-idp", scim: true);

        var (response, sent) = await RawHttp.SendChunkedAsync(gateway.ClientOptions.BaseAddress, "POST /api/scim/v2/Users HTTP/1.1",
            [$"Authorization: Bearer {token}", "Content-Type: application/scim+json"], Endless, prefix: "{\"userName\":\""u8.ToArray());

        ExpectScimError(response, 413);
        Assert.True(sent < Endless, "The gateway read the whole body.");
    }

    [Fact]
    public async Task ScimBulk_LimitIsTheAdvertisedMaxPayloadSize()
    {
        using var gateway = KestrelGatewayFixture.Start(fixture.Upstream.Address, g => g.WithSetting("Scim:BulkMaxPayloadSize", "4096"));
        var token = gateway.IssueServiceToken("bulk-idp", scim: true);
        var client = gateway.ClientWithToken(token);
        client.BaseAddress = gateway.ClientOptions.BaseAddress;

        var config = await (await client.GetAsync("/api/scim/v2/ServiceProviderConfig")).ExpectJsonAsync(HttpStatusCode.OK);
        var (response, _) = await RawHttp.SendChunkedAsync(gateway.ClientOptions.BaseAddress, "POST /api/scim/v2/Bulk HTTP/1.1",
            [$"Authorization: Bearer {token}", "Content-Type: application/scim+json"], 8192, prefix: "{\"schemas\":[\""u8.ToArray());

        Assert.Equal(4096, config.GetProperty("bulk").GetProperty("maxPayloadSize").GetInt32());
        ExpectScimError(response, 413);
    }

    [Fact]
    public async Task ProxiedChunkedBody_AboveEveryLocalLimit_StreamsToTheUpstreamIntact()
    {
        const long length = 20L * 1_048_576;
        using var client = fixture.AdminClient();
        using var content = new StreamContent(new PatternStream(length));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await client.PostAsync("/api/datastores/1/upload", content);

        var echo = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(length, echo.GetProperty("bodyLength").GetInt64());
        Assert.Equal(Convert.ToHexString(PatternStream.Sha256(length)), echo.GetProperty("bodySha256").GetString());
        Assert.Equal("chunked", echo.GetProperty("headers").GetProperty("Transfer-Encoding").GetString());
    }

    [Theory]
    [InlineData("Gateway:Limits:ApiBodyBytes", "10")]
    [InlineData("Gateway:Limits:ScimBodyBytes", "104857600")]
    [InlineData("Gateway:Limits:SignInFormBytes", "0")]
    [InlineData("Gateway:Limits:LocalBodyBytes", "-1")]
    public void LimitOutOfRange_FailsTheStart_NamingTheSetting(string key, string value)
    {
        using var gateway = new GatewayFactory().WithSetting(key, value);

        var error = Record.Exception(() => gateway.Services);

        Assert.NotNull(error);
        Assert.Contains(key, Flatten(error), StringComparison.Ordinal);
    }

    private static void ExpectScimError(RawResponse response, int status)
    {
        Assert.True(response.Status == status, $"Got {response.Status}: {response.Body}");
        Assert.Equal("application/scim+json", response.ContentType);
        var error = response.Json();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
    }

    private static string Flatten(Exception error)
    {
        var text = new StringBuilder();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            text.AppendLine(current.Message);
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.AppendLine(Flatten(inner));
                }
            }
        }

        return text.ToString();
    }
}
