using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Storage;
using ScimGateway.Tokens;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Creates this host's Hangfire storage from <c>Jobs:Storage</c>. One instance per host, never
/// <see cref="JobStorage.Current"/>, so that test hosts in one process do not share jobs. A new storage is one more case here.
/// </summary>
internal static class JobStorageFactory
{
    public static JobStorage Create(IServiceProvider services)
    {
        // Reading the options first runs the host's post-configuration, which (in the gateway) takes the data directory
        // lock before the job storage file is opened.
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        return options.Storage switch
        {
            JobStorageKind.InMemory => new InMemoryStorage(new InMemoryStorageOptions()),

            // The system clock, not the host's TimeProvider: invisibility, lock lifetimes and expiry are Hangfire's
            // real-time semantics (Hangfire itself reads DateTime.UtcNow), while job logic keeps its own injected clock.
            JobStorageKind.LiteDb => new LiteDbJobStorage(
                options.LiteDbFilePath!,
                services.GetRequiredService<IOptions<LiteDbStorageOptions>>().Value,
                TimeProvider.System,
                services.GetRequiredService<ILogger<LiteDbJobStorage>>()),
            JobStorageKind.PostgreSql => PostgreSqlJobStorage.Create(options, services.GetRequiredService<IOptions<TokensOptions>>().Value.NodeId),
            _ => throw new InvalidOperationException($"Jobs:Storage '{options.Storage}' is not supported."),
        };
    }
}
