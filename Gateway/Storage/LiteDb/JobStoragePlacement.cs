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
    /// opened by two processes at once. With <c>Storage:Provider=PostgreSql</c>, jobs go to the shared database instead.
    /// </summary>
    public static IServiceCollection PlaceJobStorageInDataDirectory(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().PostConfigure<IOptions<StorageOptions>, IServiceProvider>((options, storage, services) =>
        {
            if (storage.Value.Provider == StorageProvider.PostgreSql)
            {
                // Cluster mode: Hangfire.PostgreSql in the shared database, whatever Jobs:Storage says.
                options.Storage = JobStorageKind.PostgreSql;
                options.PostgreSqlConnectionString = storage.Value.PostgresConnectionString;
                return;
            }

            options.LiteDbFilePath = services.GetRequiredService<DataDirectory>().File(GatewayStorage.JobDatabaseFileName);
        });
        return services;
    }
}
