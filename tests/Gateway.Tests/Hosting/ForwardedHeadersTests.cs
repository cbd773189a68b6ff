using System.Net.Http.Headers;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Gateway.Tests.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto over real HTTP on loopback: ignored unless the sender is a configured proxy,
/// loopback included (ASP.NET's default would trust it); honoured from a configured proxy or network.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string ClientAddress = "203.0.113.7";

    private static readonly Dictionary<string, string> s_forwarded = new()
    {
        ["X-Forwarded-For"] = ClientAddress,
        ["X-Forwarded-Proto"] = "https",
    };

    [Fact]
    public async Task NotConfigured_ForwardedHeadersFromLoopback_AreIgnored()
    {
        await using var gateway = new GatewayFactory().StartOnKestrel();
        var (admin, bearer) = Admin(gateway);

        var address = await CreateTokenAndReadAuditedAddressAsync(gateway, admin);
        var session = await RawSignIn.SignInAsync(gateway.RawClient(), bearer, s_forwarded);
        var lastUsed = await LastUsedAddressAsync(gateway, admin);

        Assert.True(IsLoopback(address), address);
        Assert.True(IsLoopback(lastUsed), lastUsed);
        Assert.False(RawSignIn.IsSecure(session), session);
    }

    [Theory]
    [InlineData("Gateway:ForwardedHeaders:KnownProxies")]
    [InlineData("Gateway:ForwardedHeaders:KnownNetworks")]
    public async Task Configured_ForwardedHeadersFromTrustedProxy_GiveClientAddressAndScheme(string setting)
    {
        var loopback = setting.EndsWith("Networks", StringComparison.Ordinal) ? new[] { "127.0.0.0/8", "::1/128" } : ["127.0.0.1", "::1"];
        await using var gateway = new GatewayFactory().WithSetting(setting + ":0", loopback[0]).WithSetting(setting + ":1", loopback[1]).StartOnKestrel();
        var (admin, bearer) = Admin(gateway);

        var address = await CreateTokenAndReadAuditedAddressAsync(gateway, admin);
        var session = await RawSignIn.SignInAsync(gateway.RawClient(), bearer, s_forwarded);
        var lastUsed = await LastUsedAddressAsync(gateway, admin);

        Assert.Equal(ClientAddress, address);
        Assert.Equal(ClientAddress, lastUsed);
        Assert.True(RawSignIn.IsSecure(session), session);
    }

    [Fact]
    public async Task Configured_ForwardedHeadersFromUntrustedAddress_AreIgnored()
    {
        await using var gateway = new GatewayFactory().WithSetting("Gateway:ForwardedHeaders:KnownProxies:0", "10.9.8.7").StartOnKestrel();
        var (admin, _) = Admin(gateway);

        var address = await CreateTokenAndReadAuditedAddressAsync(gateway, admin);

        Assert.True(IsLoopback(address), address);
    }

    [Theory]
    [InlineData("Gateway:ForwardedHeaders:KnownProxies:0", "not-an-address")]
    [InlineData("Gateway:ForwardedHeaders:KnownNetworks:0", "10.0.0.1/8")]
    [InlineData("Gateway:ForwardedHeaders:KnownNetworks:0", "10.0.0.0")]
    [InlineData("Gateway:ForwardedHeaders:ForwardLimit", "0")]
    public void InvalidSetting_StopsTheStart_NamingIt(string key, string value)
    {
        using var gateway = new GatewayFactory().WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains(key.Split(':')[2], error.ToString(), StringComparison.Ordinal);
    }

    private static bool IsLoopback(string address)
    {
        var parsed = IPAddress.Parse(address);
        return IPAddress.IsLoopback(parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed);
    }

    private static (HttpClient Admin, string Bearer) Admin(GatewayFactory gateway)
    {
        var bearer = gateway.IssuePersonalToken(gateway.AddUser("root", Role.Admin), "admin", days: null);
        var client = gateway.RawClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return (client, bearer);
    }

    private static async Task<string> CreateTokenAndReadAuditedAddressAsync(GatewayFactory gateway, HttpClient admin)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/user-tokens") { Content = JsonContent.Create(new { name = "ci", expires_in_days = 30 }) };
        foreach (var (name, value) in s_forwarded)
        {
            create.Headers.Add(name, value);
        }

        var id = (await (await admin.SendAsync(create)).ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return Assert.Single(gateway.Service<ScimGateway.Tokens.Audit.AuditTrail>().Find("token.created", id)).ClientAddress!;
    }

    private static async Task<string> LastUsedAddressAsync(GatewayFactory gateway, HttpClient admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        foreach (var (name, value) in s_forwarded)
        {
            request.Headers.Add(name, value);
        }

        (await admin.SendAsync(request)).EnsureSuccessStatusCode();

        // The request is counted after its response is written, so the client can be a moment ahead of the count.
        for (var attempt = 0; ; attempt++)
        {
            gateway.Service<UsageFlushService>().Flush();
            var address = gateway.Service<ITokenStore>().ListByOwnerKind(OwnerKind.Human).Single(t => t.Name == "admin").LastUsedAddress;
            if (address is not null || attempt == 100)
            {
                return address ?? "(never recorded)";
            }

            await Task.Delay(50);
        }
    }
}
