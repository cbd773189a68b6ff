using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage;

/// <summary>
/// Everything the SCIM stores keep, read from one storage engine to be written into another
/// (<c>storage copy-to-postgres</c>): resources with their ids, versions and timestamps (so ETags and
/// <c>meta</c> read back the same), memberships, and the provisioning events not delivered yet. The sequences are read
/// lazily, once, while the target writes them.
/// </summary>
public sealed class ScimExport
{
    /// <summary>Rows per table, by the PostgreSQL table name, counted in the source before reading.</summary>
    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    /// <summary>Users, local accounts (<c>users add</c>) included.</summary>
    public required IEnumerable<ScimUserRecord> Users { get; init; }

    /// <summary>Groups.</summary>
    public required IEnumerable<ScimGroupRecord> Groups { get; init; }

    /// <summary>One record per membership.</summary>
    public required IEnumerable<ScimMembershipRecord> Memberships { get; init; }

    /// <summary>The provisioning outbox, in order, with its sequence numbers.</summary>
    public required IEnumerable<PendingProvisioningEvent> Outbox { get; init; }
}
