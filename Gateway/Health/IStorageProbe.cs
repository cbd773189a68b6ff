namespace ScimGateway.Gateway.Health;

/// <summary>
/// Asks the application's storage, whatever its engine, whether it is there and takes writes. The readiness check
/// and the legacy <c>/healthz</c> report read it; each engine implements it in its own storage folder.
/// </summary>
public interface IStorageProbe
{
    /// <summary>
    /// Writes a small marker stamped <paramref name="at"/> and reads it back. Engine failures come back as
    /// <see cref="StorageProbeResult.Failed"/>, never as an exception.
    /// </summary>
    StorageProbeResult WriteAndReadBack(DateTime at);

    /// <summary>True when the storage answers a read-only question; for the legacy health report.</summary>
    bool IsReachable();
}
