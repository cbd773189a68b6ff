using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage.PostgreSql;

/// <summary>Registers the stores of Jobs' own data on PostgreSQL.</summary>
public static class JobsPostgreSqlStorageExtensions
{
    /// <summary>
    /// Adds the job watermark store on the host's <see cref="NpgsqlDataSource"/> singleton; its table comes from this
    /// module's migration scripts, which the host applies before serving. Hangfire's own storage is configured apart
    /// (Hangfire.PostgreSql, its own schema). TryAdd, so a host or test can put its own store in first.
    /// </summary>
    public static IServiceCollection AddJobsPostgreSqlStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IJobWatermarkStore>(sp => new PostgreSqlJobWatermarkStore(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
