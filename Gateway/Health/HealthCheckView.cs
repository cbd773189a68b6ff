namespace ScimGateway.Gateway.Health;

/// <summary>One check in a health answer.</summary>
/// <param name="Name">The check: <c>storage</c>, <c>jobs</c> or <c>upstream</c>.</param>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
/// <param name="Description">Why, for operators; never a secret or an exception message.</param>
/// <param name="DurationMs">How long the check took.</param>
public sealed record HealthCheckView(string Name, string Status, string? Description, double DurationMs);
