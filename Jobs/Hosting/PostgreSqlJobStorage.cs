using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Hangfire.PostgreSql over the shared database, in a schema of its own that it creates and upgrades itself (under its
/// own lock), apart from the application's tables and their migrations.
/// </summary>
internal static class PostgreSqlJobStorage
{
    public static PostgreSqlStorage Create(JobsOptions options)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = options.PostgreSqlSchema,
            PrepareSchemaIfNecessary = true,

            // Workers wait on the queue by polling; Hangfire's 15 s default is long for jobs queued by hand (dashboard).
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnectionString!, storageOptions), storageOptions);
    }
}
