using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScimGateway.Gateway.Storage;

namespace ScimGateway.Gateway.Health;

/// <summary>
/// Readiness of the application database: one small upsert into its own <c>health</c> collection proves the file
/// is open, readable and writable. Runs only when <c>/healthz/ready</c> is asked, never on the request path. The
/// answer names the failure's kind, never its message (which may carry file paths).
/// </summary>
internal sealed class StorageHealthCheck(GatewayStorage storage, TimeProvider time) : IHealthCheck
{
    public const string Name = "storage";

    private const string Collection = "health";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probes = storage.Database.GetCollection(Collection);
            probes.Upsert(new BsonDocument { ["_id"] = "readiness", ["checked_at"] = time.GetUtcNow().UtcDateTime });
            return Task.FromResult(probes.FindById("readiness") is null
                ? HealthCheckResult.Unhealthy("The application database did not return what was just written to it.")
                : HealthCheckResult.Healthy("The application database is readable and writable."));
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"The application database cannot be written ({ex.GetType().Name}); see the server log.", ex));
        }
    }
}
