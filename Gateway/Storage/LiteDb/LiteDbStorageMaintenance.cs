using ScimGateway.Jobs.Maintenance;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>The <c>storage-maintenance</c> job's housekeeping of <c>gateway.db</c>: a LiteDB checkpoint of its log into the data file.</summary>
internal sealed class LiteDbStorageMaintenance(GatewayStorage storage) : IStorageMaintenance
{
    public void Checkpoint() => storage.Database.Checkpoint();
}
