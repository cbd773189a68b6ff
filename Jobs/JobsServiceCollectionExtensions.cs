using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Expiration;
using ScimGateway.Jobs.Hosting;
using ScimGateway.Jobs.Maintenance;
using ScimGateway.Jobs.Storage;
using ScimGateway.Jobs.Usage;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs;

/// <summary>Registers Hangfire, its storage and server, and the recurring jobs.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the jobs. The host must already have added the token module (<c>AddTokens</c> and its stores), and must
    /// register an <see cref="IJobWatermarkStore"/> (for LiteDB, <c>AddJobsLiteDbStorage()</c>) and an
    /// <see cref="IStorageMaintenance"/> for its application database. Hangfire's storage, activator and filter
    /// provider are per host (registered before <c>AddHangfire</c>, whose own registrations are TryAdd), so several
    /// hosts in one process stay apart. With the default LiteDB job storage the host must set <see cref="JobsOptions.LiteDbFilePath"/> (for example by post-configuring
    /// <see cref="JobsOptions"/>) to a file in a directory it owns exclusively.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>());

        services.AddOptions<LiteDbStorageOptions>().BindConfiguration(JobsOptions.LiteDbSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiteDbStorageOptions>, LiteDbStorageOptionsValidator>());

        // The container disposes singletons in reverse order of creation: the JobsServer (which needs the storage) is
        // disposed, its BackgroundJobServer stopped, before the storage, and the storage before whatever the host
        // resolved to place its file (the gateway's data directory lock).
        services.TryAddSingleton(JobStorageFactory.Create);
        services.TryAddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.TryAddSingleton<IJobFilterProvider>(sp =>
            new JobRetryFilterProvider(JobFilterProviders.Providers, sp.GetRequiredService<IOptions<JobsOptions>>().Value,
                sp.GetRequiredService<JobsMetrics>()));
        services.AddMetrics();
        services.TryAddSingleton<JobsMetrics>();
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        services.AddHttpClient(WebhookNotifier.ClientName);
        services.TryAddSingleton<WebhookNotifier>();
        services.TryAddScoped<TokenExpirationJob>();
        services.TryAddScoped<UsageRollupJob>();
        services.TryAddScoped<StorageMaintenanceJob>();

        services.AddHostedService<RecurringJobsRegistrar>();
        services.AddHostedService<JobsServer>();
        return services;
    }
}
