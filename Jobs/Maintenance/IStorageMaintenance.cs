namespace ScimGateway.Jobs.Maintenance;

/// <summary>
/// The host's housekeeping of its application database, which <c>storage-maintenance</c> runs after retention. Jobs
/// owns this port; the host implements it for its engine (an embedded database checkpoints its log into the data file;
/// a server database may have nothing to do).
/// </summary>
public interface IStorageMaintenance
{
    /// <summary>Does the engine's periodic housekeeping; safe to repeat.</summary>
    void Checkpoint();
}
