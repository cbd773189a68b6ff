namespace ScimGateway.Gateway.Health;

/// <summary>What <see cref="IStorageProbe.WriteAndReadBack"/> found.</summary>
/// <param name="Outcome">Whether the marker was written and read back.</param>
/// <param name="Failure">The exception behind <see cref="StorageProbeOutcome.Failed"/>, for the log; never shown to callers.</param>
public sealed record StorageProbeResult(StorageProbeOutcome Outcome, Exception? Failure)
{
    /// <summary>Written and read back.</summary>
    public static StorageProbeResult Ok { get; } = new(StorageProbeOutcome.Ok, null);

    /// <summary>Written without error, but not there when read.</summary>
    public static StorageProbeResult NotReadBack { get; } = new(StorageProbeOutcome.NotReadBack, null);

    /// <summary>The engine refused the write or the read.</summary>
    public static StorageProbeResult Failed(Exception failure) => new(StorageProbeOutcome.Failed, failure);
}

/// <summary>The kinds of <see cref="StorageProbeResult"/>.</summary>
public enum StorageProbeOutcome
{
    /// <summary>Written and read back.</summary>
    Ok = 0,

    /// <summary>Written, but not read back.</summary>
    NotReadBack = 1,

    /// <summary>The engine failed.</summary>
    Failed = 2,
}
