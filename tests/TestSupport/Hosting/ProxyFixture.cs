namespace ScimGateway.TestSupport.Hosting;

/// <summary>One echo upstream and one gateway pointed at it, shared by a test class (the tests compare request counts
/// before and after, so they do not depend on each other).</summary>
public sealed class ProxyFixture : IAsyncLifetime
{
    public const string UpstreamCredential = "Bearer upstream-credential-7f3a";

    public EchoUpstream Upstream { get; private set; } = null!;

    public GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>A gateway whose <c>primary</c> destination is <paramref name="upstream"/>, with a 1 s upstream timeout.</summary>
    public static GatewayFactory CreateGateway(Uri upstream, string? upstreamCredential = UpstreamCredential) =>
        ConfigureProxy(new GatewayFactory(), upstream, upstreamCredential);

    /// <summary>Points <paramref name="gateway"/> at <paramref name="upstream"/> with the upstream credential and a 1 s upstream timeout.</summary>
    public static GatewayFactory ConfigureProxy(GatewayFactory gateway, Uri upstream, string? upstreamCredential = UpstreamCredential) => gateway
        .WithUpstream(upstream)
        .WithSetting("ReverseProxy:Clusters:qualytics:HttpRequest:ActivityTimeout", "00:00:01")
        .WithSetting("Gateway:UpstreamAuthorization", upstreamCredential);

    public async Task InitializeAsync()
    {
        Upstream = await EchoUpstream.StartAsync();
        Gateway = CreateGateway(Upstream.Address);
        _ = Gateway.Server;
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Upstream.DisposeAsync();
    }
}
