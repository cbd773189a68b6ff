using ScimGateway.Gateway.Tests.Proxy;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>
/// One echo upstream and one gateway on a real Kestrel loopback port (the test server would neither pass raw request
/// targets through nor enforce Kestrel's limits), with an admin's personal token and a SCIM token.
/// </summary>
public sealed class KestrelGatewayFixture : IAsyncLifetime
{
    public EchoUpstream Upstream { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    public Uri Address => Gateway.ClientOptions.BaseAddress;

    public string AdminToken { get; private set; } = null!;

    public string ScimToken { get; private set; } = null!;

    /// <summary>A gateway on Kestrel pointed at <paramref name="upstream"/>, started; <paramref name="configure"/> adds settings first.</summary>
    public static GatewayFactory Start(Uri upstream, Func<GatewayFactory, GatewayFactory>? configure = null)
    {
        // A roomier upstream timeout than the fixture's 1 s: these tests stream megabytes on a shared machine.
        var gateway = ProxyFixture.CreateGateway(upstream).WithSetting("ReverseProxy:Clusters:qualytics:HttpRequest:ActivityTimeout", "00:00:15");
        gateway = configure?.Invoke(gateway) ?? gateway;
        gateway.UseKestrel(0);
        gateway.StartServer();
        Assert.NotEqual(80, gateway.ClientOptions.BaseAddress.Port);
        return gateway;
    }

    public async Task InitializeAsync()
    {
        Upstream = await EchoUpstream.StartAsync();
        Gateway = Start(Upstream.Address);
        AdminToken = Gateway.IssuePersonalToken(Gateway.AddUser("edge-admin@example.com", Role.Admin));
        ScimToken = Gateway.IssueServiceToken("edge-idp", Role.Admin, scim: true);
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Upstream.DisposeAsync();
    }

    /// <summary>An HTTP client on the real port with the admin's token.</summary>
    public HttpClient AdminClient()
    {
        var client = Gateway.ClientWithToken(AdminToken);
        client.BaseAddress = Address;
        return client;
    }
}
