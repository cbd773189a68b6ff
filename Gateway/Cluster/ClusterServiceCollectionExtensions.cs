namespace ScimGateway.Gateway.Cluster;

/// <summary>Cluster mode's services.</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Adds the change-feed listener that keeps every node's token cache current (it does nothing unless
    /// <c>Storage:Provider</c> is PostgreSql) and the exception handler that answers a lost database with 503.
    /// </summary>
    public static IServiceCollection AddClusterMode(this IServiceCollection services)
    {
        services.AddHostedService<ChangeFeedListener>();
        services.AddExceptionHandler<StorageOutageExceptionHandler>();
        return services;
    }
}
