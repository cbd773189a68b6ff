using ScimGateway.Tokens;

namespace ScimGateway.TestSupport.Hosting;

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

    /// <summary>A <see cref="KestrelGateway"/> set up as <see cref="ProxyFixture.CreateGateway"/> does, pointed at <paramref name="upstream"/>; <paramref name="configure"/> adds settings first.</summary>
    public static GatewayFactory Start(Uri upstream, Func<GatewayFactory, GatewayFactory>? configure = null) =>
        new KestrelGateway(configure: gateway =>
        {
            ProxyFixture.ConfigureProxy(gateway, upstream);

            // A roomier upstream timeout than the proxy fixture's 1 s: these tests stream megabytes on a shared machine.
            gateway.WithSetting("ReverseProxy:Clusters:qualytics:HttpRequest:ActivityTimeout", "00:00:15");
            configure?.Invoke(gateway);
        });

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
