namespace ScimGateway.Gateway.Health;

/// <summary>The body of <c>/healthz/live</c> and <c>/healthz/ready</c>.</summary>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>: the worst of the checks.</param>
/// <param name="Checks">Each check that ran (none for liveness).</param>
public sealed record HealthReportView(string Status, IReadOnlyList<HealthCheckView> Checks);
