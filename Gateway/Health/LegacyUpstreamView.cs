namespace ScimGateway.Gateway.Health;

/// <summary>The upstream part of <c>/healthz</c>.</summary>
/// <param name="Status"><c>reachable</c>, <c>unreachable</c> or <c>unconfigured</c>.</param>
/// <param name="Address">The destination's scheme, host and port.</param>
public sealed record LegacyUpstreamView(string Status, string? Address);
