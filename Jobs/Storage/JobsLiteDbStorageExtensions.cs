using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Jobs.Storage.Watermarks;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage;

/// <summary>Registers the stores of Jobs' own data on LiteDB, the embedded default.</summary>
public static class JobsLiteDbStorageExtensions
{
    /// <summary>
    /// Adds the job watermark store on the host's application <see cref="ILiteDatabase"/>. Hangfire's own storage is a
    /// separate choice (<see cref="JobsOptions.Storage"/>). TryAdd, so a host or test can put its own store in first.
    /// </summary>
    public static IServiceCollection AddJobsLiteDbStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IJobWatermarkStore>(sp => new LiteDbJobWatermarkStore(sp.GetRequiredService<ILiteDatabase>()));
        return services;
    }
}
