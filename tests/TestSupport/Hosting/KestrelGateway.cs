namespace ScimGateway.TestSupport.Hosting;

/// <summary>
/// The gateway on a real Kestrel loopback port, started on construction: for a real browser, raw sockets
/// (<see cref="Clients.RawHttp"/>) and Kestrel's own limits, which the in-memory test server of
/// <see cref="GatewayFactory"/> would not apply.
/// </summary>
public class KestrelGateway : GatewayFactory
{
    /// <param name="startsAgo">How far before real time the gateway's clock starts, for seeding history.</param>
    /// <param name="port">A fixed port (an identity provider must know the redirect address first), or 0 for any.</param>
    /// <param name="configure">Settings to apply before the server starts.</param>
    public KestrelGateway(TimeSpan startsAgo = default, int port = 0, Action<KestrelGateway>? configure = null)
        : base(clockStart: DateTimeOffset.UtcNow - startsAgo)
    {
        configure?.Invoke(this);

        // The browser computes relative times against its own clock, so the gateway's fake clock follows real time.
        StartOnKestrel(port);
        BaseAddress = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>The gateway's address without a trailing slash, <c>http://127.0.0.1:{port}</c>.</summary>
    public string BaseAddress { get; }
}
