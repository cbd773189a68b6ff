using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ScimGateway.Gateway.Health;

/// <summary>
/// Readiness of the application storage: the engine's <see cref="IStorageProbe"/> writes a marker and reads it back,
/// which proves the storage is open, readable and writable. Runs only when <c>/healthz/ready</c> is asked, never on
/// the request path. The answer names the failure's kind, never its message (which may carry file paths).
/// </summary>
internal sealed class StorageHealthCheck(IStorageProbe probe, TimeProvider time) : IHealthCheck
{
    public const string Name = "storage";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = probe.WriteAndReadBack(time.GetUtcNow().UtcDateTime);
        return Task.FromResult(result.Outcome switch
        {
            StorageProbeOutcome.Ok => HealthCheckResult.Healthy("The application database is readable and writable."),
            StorageProbeOutcome.NotReadBack => HealthCheckResult.Unhealthy("The application database did not return what was just written to it."),
            _ => HealthCheckResult.Unhealthy(
                $"The application database cannot be written ({result.Failure?.GetType().Name}); see the server log.", result.Failure),
        });
    }
}
