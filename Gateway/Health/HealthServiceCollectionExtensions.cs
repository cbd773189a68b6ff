using ScimGateway.Jobs.Hosting;

namespace ScimGateway.Gateway.Health;

/// <summary>Registers the readiness checks behind <c>/healthz/ready</c>.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>The tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Adds storage, job server and upstream checks, each tagged <see cref="ReadyTag"/>.</summary>
    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<JobServerHealthCheck>(JobServerHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<UpstreamHealthCheck>(UpstreamHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }
}
