namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>A service user: a non-human owner of service tokens, created and managed by admins.</summary>
public sealed class ServiceUserRecord
{
    /// <summary>The id derived from the name, as Qualytics does (<c>ci_bot@service</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The name as the admin typed it.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the service user may do.</summary>
    public Role Role { get; set; }

    /// <summary>Teams it belongs to; always includes <c>Public</c>.</summary>
    public List<string> Teams { get; set; } = [];

    /// <summary>When it was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The id of who created it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it was last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>When it was deactivated; null while active.</summary>
    public DateTime? DeactivatedAt { get; set; }
}
