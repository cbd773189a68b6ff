using ScimGateway.Gateway.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>The gateway on a real Kestrel loopback port, so that a real browser can reach it.</summary>
public sealed class KestrelGateway : GatewayFactory
{
    /// <param name="startsAgo">How far before real time the gateway's clock starts, for seeding history.</param>
    public KestrelGateway(TimeSpan startsAgo = default)
        : base(clockStart: DateTimeOffset.UtcNow - startsAgo)
    {
        // The browser computes relative times against its own clock, so the gateway's fake clock follows real time.
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseAddress { get; }
}
