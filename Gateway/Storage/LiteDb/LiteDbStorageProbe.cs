using LiteDB;
using ScimGateway.Gateway.Health;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>The storage probe for <c>gateway.db</c>: one upsert into its own <c>health</c> collection, read back.</summary>
internal sealed class LiteDbStorageProbe(GatewayStorage storage) : IStorageProbe
{
    private const string Collection = "health";

    public StorageProbeResult WriteAndReadBack(DateTime at)
    {
        try
        {
            var probes = storage.Database.GetCollection(Collection);
            probes.Upsert(new BsonDocument { ["_id"] = "readiness", ["checked_at"] = at });
            return probes.FindById("readiness") is null ? StorageProbeResult.NotReadBack : StorageProbeResult.Ok;
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException or UnauthorizedAccessException or InvalidOperationException)
        {
            return StorageProbeResult.Failed(ex);
        }
    }

    public bool IsReachable() => storage.Database.GetCollectionNames() is not null;
}
