namespace ScimGateway.Gateway.Proxy;

/// <summary>What <c>/healthz</c> says about the upstream.</summary>
/// <param name="Status"><c>reachable</c>, <c>unreachable</c> or <c>unconfigured</c>.</param>
/// <param name="Address">The destination's scheme, host and port (no path, query or user info).</param>
/// <param name="CheckedAt">When the probe ran.</param>
public sealed record UpstreamStatus(string Status, string? Address, DateTimeOffset CheckedAt)
{
    /// <summary>A TCP connection to the upstream succeeded.</summary>
    public const string Reachable = "reachable";

    /// <summary>The TCP connection failed or timed out.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>No destination is configured for the cluster.</summary>
    public const string Unconfigured = "unconfigured";
}
