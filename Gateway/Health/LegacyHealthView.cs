namespace ScimGateway.Gateway.Health;

/// <summary>The body of <c>/healthz</c>, unchanged since before <c>/healthz/ready</c>.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c> (the store).</param>
/// <param name="Storage"><c>ok</c> or <c>unavailable</c>.</param>
/// <param name="Upstream">The upstream probe's answer; it does not affect <paramref name="Status"/>.</param>
public sealed record LegacyHealthView(string Status, string Storage, LegacyUpstreamView Upstream);
