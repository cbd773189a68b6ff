namespace ScimGateway.TestSupport.Hosting;

/// <summary>A <see cref="KestrelGateway"/> forwarding <c>/api/**</c> to the given upstream.</summary>
public sealed class ProxiedKestrelGateway(Uri upstream) : KestrelGateway(configure: gateway => gateway.WithUpstream(upstream));
