namespace ScimGateway.Jobs;

/// <summary>Where Hangfire keeps its jobs, <c>Jobs:Storage</c>.</summary>
public enum JobStorageKind
{
    /// <summary>In process memory (Hangfire.InMemory): jobs and history are lost on restart, the job state in the application database is not.</summary>
    InMemory = 0,
}
