namespace ScimGateway.Scim.Groups;

/// <summary>
/// A SCIM Group as stored, without its members: they are <see cref="ScimMembershipRecord"/>s, so a group with 50,000
/// members is still a small document and a PATCH touches only the memberships it changes.
/// </summary>
public sealed class ScimGroupRecord
{
    /// <summary>Server-issued, stable, never reused.</summary>
    public string Id { get; set; } = "";

    /// <summary>The display name as sent.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Upper-cased display name; its unique index makes group names unique case-insensitively.</summary>
    public string DisplayNameKey { get; set; } = "";

    /// <summary>The identity provider's id for the group.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The resource as JSON, without <c>id</c>, <c>meta</c> and <c>members</c>.</summary>
    public string Resource { get; set; } = "{}";

    /// <summary>Incremented on every change, membership changes included; the weak ETag is derived from it.</summary>
    public long Version { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime Created { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime LastModified { get; set; }

    /// <summary>Builds <see cref="DisplayNameKey"/>.</summary>
    public static string KeyOf(string displayName) => displayName.ToUpperInvariant();
}
