using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Storage;
using ScimGateway.Jobs;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>Puts the Hangfire job storage file in the gateway's data directory (Jobs knows nothing of the gateway).</summary>
internal static class JobStoragePlacement
{
    /// <summary>
    /// Post-configures <see cref="JobsOptions.LiteDbFilePath"/> to <c>&lt;data directory&gt;/hangfire.db</c>. Resolving
    /// <see cref="DataDirectory"/> here takes the data directory lock before the job storage file is opened, so one
    /// process owns both files; any configured value is overridden, since a file outside the locked directory could be
    /// opened by two processes at once.
    /// </summary>
    public static IServiceCollection PlaceJobStorageInDataDirectory(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().PostConfigure<DataDirectory>((options, directory) =>
            options.LiteDbFilePath = directory.File(GatewayStorage.JobDatabaseFileName));
        return services;
    }
}
