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
}
