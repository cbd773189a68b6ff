namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// The cluster job tests run one class at a time: each starts three gateway processes, and their job timings (schedules
/// of seconds, hand-over bounds) are what they measure, so they do not start their clusters all at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterJobsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Cluster jobs";
}
