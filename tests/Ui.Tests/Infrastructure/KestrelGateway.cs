using ScimGateway.Gateway.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>The gateway on a real Kestrel loopback port, so that a real browser can reach it.</summary>
public sealed class KestrelGateway : GatewayFactory
{
    public KestrelGateway()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseAddress { get; }
}
