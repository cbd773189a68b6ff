namespace ScimGateway.Jobs;

/// <summary>Where Hangfire keeps its jobs, <c>Jobs:Storage</c>.</summary>
public enum JobStorageKind
{
    /// <summary>In process memory (Hangfire.InMemory): jobs and history are lost on restart, the job state in the application database is not. For tests.</summary>
    InMemory = 0,

    /// <summary>
    /// A LiteDB file of its own (<see cref="JobsOptions.LiteDbFilePath"/>): job history, pending retries and recurring
    /// schedules survive restarts. The default.
    /// </summary>
    LiteDb = 1,

    /// <summary>
    /// PostgreSQL (Hangfire.PostgreSql) in its own schema (<see cref="JobsOptions.PostgreSqlSchema"/>) of the database at
    /// <see cref="JobsOptions.PostgreSqlConnectionString"/>: shared by every node of a cluster, each recurring job runs
    /// once per schedule across them. The gateway selects it with <c>Storage:Provider=PostgreSql</c>.
    /// </summary>
    PostgreSql = 2,
}
