using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>One pending provisioning event in collection <c>scim_outbox</c>.</summary>
internal sealed class OutboxDocument
{
    /// <summary>LiteDB's auto-incremented <c>_id</c> (0 before insert): the outbox order.</summary>
    public long Id { get; set; }

    /// <summary>The event kind.</summary>
    public ProvisioningEventKind Kind { get; set; }

    /// <summary>The SCIM user id.</summary>
    public string UserId { get; set; } = "";
}
