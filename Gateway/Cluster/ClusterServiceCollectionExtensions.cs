namespace ScimGateway.Gateway.Cluster;

/// <summary>Cluster mode's services: the change feed that keeps every node's token cache current.</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>Adds the change-feed listener; it does nothing unless <c>Storage:Provider</c> is PostgreSql.</summary>
    public static IServiceCollection AddClusterChangeFeed(this IServiceCollection services)
    {
        services.AddHostedService<ChangeFeedListener>();
        return services;
    }
}
