namespace ScimGateway.Jobs;

/// <summary>
/// How Hangfire.PostgreSql hands work between nodes, section <c>Jobs:PostgreSql</c> (cluster mode). Both bound how
/// long a job held by a node that died waits before another node runs it; neither lets a second node start a job whose
/// node is alive. Checked at start.
/// </summary>
public sealed class JobsPostgreSqlOptions
{
    /// <summary>The shortest accepted timeout: keep-alives go out every fifth of it, from a loop that wakes every second.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest accepted timeout.</summary>
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a fetched job stays invisible to other nodes' workers. The node running it refreshes the claim every
    /// fifth of this (Hangfire.PostgreSql's sliding invisibility timeout), so a long run keeps it; a node that dies stops
    /// refreshing, and another node fetches the job at most this long after the last refresh. Default 5 minutes
    /// (Hangfire.PostgreSql's own default is 30 minutes, without refresh).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old a Hangfire lock row must be before another node may break it. The jobs hold a lock for their whole run
    /// so that runs of one job never overlap, and Hangfire.PostgreSql does not refresh locks: keep this longer than the
    /// longest run. A dead node's lock is broken this long after it was taken. Default 5 minutes (Hangfire.PostgreSql's
    /// own default is 10).
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
