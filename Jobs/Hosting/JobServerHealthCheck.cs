using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ScimGateway.Tokens;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Readiness of this node's Hangfire server: when <c>Jobs:ServerEnabled</c> is true, a server of this node
/// (<c>Tokens:NodeId</c> and this process) must have sent a heartbeat to the job storage within <see cref="MaxHeartbeatAge"/>; a
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

    /// <summary>
    /// How this process's Hangfire server ids begin. Hangfire names a server "{ServerName}:{process id}:{guid}" and
    /// lower-cases all of it, and ServerName is the node id: the process id tells apart nodes that share a node id
    /// (several on one machine, where it defaults to the machine name), and the lower case matches a node id such as
    /// "Node-A", which compared as written would never find its own server.
    /// </summary>
    internal static string ServerIdPrefix(string nodeId, int processId) =>
        $"{nodeId}:{processId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:".ToLowerInvariant();

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.ServerEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("This node runs no job server (Jobs:ServerEnabled is false)."));
        }

        try
        {
            var prefix = ServerIdPrefix(tokensOptions.Value.NodeId, Environment.ProcessId);
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
