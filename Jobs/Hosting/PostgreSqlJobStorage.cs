using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Hangfire.PostgreSql over the shared database, in a schema of its own that it creates and upgrades itself (under its
/// own lock), apart from the application's tables and their migrations.
/// </summary>
internal static class PostgreSqlJobStorage
{
    /// <summary>The <c>application_name</c> prefix of the job storage's connections; the node id follows.</summary>
    public const string ApplicationNamePrefix = "scimgateway-jobs@";

    public static PostgreSqlStorage Create(JobsOptions options, string nodeId)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = options.PostgreSqlSchema,
            PrepareSchemaIfNecessary = true,

            // Workers wait on the queue by polling; Hangfire's 15 s default is long for jobs queued by hand (dashboard).
            QueuePollInterval = TimeSpan.FromSeconds(1),

            // A node that dies mid-job leaves the job fetched: with a sliding timeout the live node refreshes its claim
            // every fifth of the timeout, so the timeout can be minutes (not Hangfire.PostgreSql's 30 fixed minutes)
            // and another node takes a dead node's job over promptly without ever fetching a live node's.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.PostgreSql.InvisibilityTimeout,

            // The jobs' DisableConcurrentExecution locks are rows that nothing refreshes; this is when a dead node's
            // lock may be broken (see JobsPostgreSqlOptions.DistributedLockTimeout).
            DistributedLockTimeout = options.PostgreSql.DistributedLockTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(ConnectionString(options.PostgreSqlConnectionString!, nodeId), storageOptions), storageOptions);
    }

    // Names the node's Hangfire connections in pg_stat_activity, unless the operator named them in the connection string.
    private static string ConnectionString(string connectionString, string nodeId)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationNamePrefix + nodeId;
        }

        return builder.ConnectionString;
    }
}
