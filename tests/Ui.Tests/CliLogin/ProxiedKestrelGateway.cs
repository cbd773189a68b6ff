namespace ScimGateway.Ui.Tests.CliLogin;

/// <summary>The gateway on a real Kestrel loopback port, forwarding <c>/api/**</c> to the given upstream.</summary>
public sealed class ProxiedKestrelGateway : GatewayFactory
{
    public ProxiedKestrelGateway(Uri upstream)
        : base(clockStart: DateTimeOffset.UtcNow)
    {
        WithSetting("ReverseProxy:Clusters:qualytics:Destinations:primary:Address", upstream.ToString());
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseAddress { get; }
}
