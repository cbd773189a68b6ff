namespace ScimGateway.Scim.Provisioning;

/// <summary>An event in the outbox that has not been delivered yet.</summary>
/// <param name="Sequence">Its position in the outbox: increasing in the order the events were recorded.</param>
/// <param name="Event">The event.</param>
public sealed record PendingProvisioningEvent(long Sequence, ProvisioningEvent Event);
