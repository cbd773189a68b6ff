using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Groups;

/// <summary>
/// What to write with a membership change, in the same transaction: the group's new record (its version and
/// modification time) and the events the change causes.
/// </summary>
/// <param name="Record">Replaces the group's record, as <see cref="IScimGroupStore.Update(ScimGroupRecord, IReadOnlyCollection{ProvisioningEvent})"/> does.</param>
/// <param name="Events">Recorded in the outbox.</param>
public sealed record GroupWrite(ScimGroupRecord Record, IReadOnlyCollection<ProvisioningEvent> Events)
{
    /// <summary>
    /// When set, the record is written only if the stored version is still this one (the version the caller read);
    /// otherwise the store throws <see cref="Storage.ScimVersionConflictException"/> and the membership changes are
    /// undone with it.
    /// </summary>
    public long? ExpectedVersion { get; init; }
}
