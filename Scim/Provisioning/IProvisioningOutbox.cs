namespace ScimGateway.Scim.Provisioning;

/// <summary>
/// The provisioning events recorded and not yet delivered. The user and group stores write them in the same
/// transaction as the change they describe (so a crash cannot keep the change and lose the event); the
/// <see cref="ProvisioningDispatcher"/> reads and completes them.
/// </summary>
public interface IProvisioningOutbox
{
    /// <summary>The oldest pending events, at most <paramref name="max"/>, in the order they were recorded.</summary>
    IReadOnlyList<PendingProvisioningEvent> Pending(int max);

    /// <summary>Marks an event delivered; false when it was not pending (completed already).</summary>
    bool Complete(long sequence);
}
