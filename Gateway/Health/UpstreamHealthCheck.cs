using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScimGateway.Gateway.Proxy;

namespace ScimGateway.Gateway.Health;

/// <summary>
/// Readiness of the upstream Qualytics API: a TCP connection within <c>Gateway:UpstreamProbe:Timeout</c> (the shared,
/// cached <see cref="UpstreamProbe"/>). A node whose upstream is down answers only 502s, so a load balancer
/// should prefer another.
/// </summary>
internal sealed class UpstreamHealthCheck(UpstreamProbe probe) : IHealthCheck
{
    public const string Name = "upstream";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await probe.CheckAsync().WaitAsync(cancellationToken);
        return status.Status switch
        {
            UpstreamStatus.Reachable => HealthCheckResult.Healthy($"The upstream {status.Address} accepts connections."),
            UpstreamStatus.Unconfigured => HealthCheckResult.Unhealthy("No upstream destination is configured (ReverseProxy:Clusters:qualytics)."),
            _ => HealthCheckResult.Unhealthy($"The upstream {status.Address} did not accept a connection within the probe timeout."),
        };
    }
}
