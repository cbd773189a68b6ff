using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ScimGateway.Tokens;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Readiness of this node's Hangfire server: when <c>Jobs:ServerEnabled</c> is true, a server of this node
/// (<c>Tokens:NodeId</c>) must have sent a heartbeat to the job storage within <see cref="MaxHeartbeatAge"/>; a
/// node that runs no job server is ready as far as jobs go. Read through Hangfire's monitoring API.
/// </summary>
public sealed class JobServerHealthCheck(
    IOptions<JobsOptions> options,
    IOptions<TokensOptions> tokensOptions,
    JobStorage storage) : IHealthCheck
{
    /// <summary>The check's name.</summary>
    public const string Name = "jobs";

    /// <summary>Hangfire beats every 30 s by default; three missed beats mean the server is gone or stuck.</summary>
    public static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromSeconds(90);

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.ServerEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("This node runs no job server (Jobs:ServerEnabled is false)."));
        }

        try
        {
            // Hangfire names servers "{ServerName}:{process id}:{random}", and ServerName is this node's id.
            var prefix = tokensOptions.Value.NodeId + ":";
            var beat = storage.GetMonitoringApi().Servers()
                .Where(server => server.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Max(server => server.Heartbeat);
            if (beat is null)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The job server of this node is not running."));
            }

            // Hangfire writes heartbeats from the system clock, not the host's TimeProvider, so the age is measured
            // against the same clock.
            var age = DateTime.UtcNow - DateTime.SpecifyKind(beat.Value, DateTimeKind.Utc);
            return Task.FromResult(age <= MaxHeartbeatAge
                ? HealthCheckResult.Healthy("The job server of this node is running.")
                : HealthCheckResult.Unhealthy($"The job server of this node last reported {age.TotalSeconds:0} s ago."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The job storage cannot be read ({ex.GetType().Name}); see the server log.", ex));
        }
    }
}
