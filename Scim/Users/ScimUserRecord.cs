namespace ScimGateway.Scim.Users;

/// <summary>
/// A SCIM User as stored: the full resource as JSON, plus the attributes that are indexed or that other modules read
/// without parsing the resource (user name, external id, emails, active, roles).
/// </summary>
public sealed class ScimUserRecord
{
    /// <summary>Server-issued, stable, never reused.</summary>
    public string Id { get; set; } = "";

    /// <summary>The user name as the identity provider sent it.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Upper-cased user name: its unique index makes user names unique case-insensitively (RFC 7643 caseExact false).</summary>
    public string UserNameKey { get; set; } = "";

    /// <summary>The identity provider's id for the user.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The display name, if any.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Upper-cased display name, for indexed <c>displayName eq</c> filters.</summary>
    public string? DisplayNameKey { get; set; }

    /// <summary>The primary (else first) email.</summary>
    public string? PrimaryEmail { get; set; }

    /// <summary>Every email value, upper-cased, for indexed <c>emails.value</c> filters.</summary>
    public List<string> EmailKeys { get; set; } = [];

    /// <summary>False when the identity provider deactivated the user.</summary>
    public bool Active { get; set; } = true;

    /// <summary>
    /// Whether the person was added on the command line (<c>users add</c>) rather than provisioned: SCIM can read them
    /// but never change, deactivate, demote or delete them, and group memberships do not change their role.
    /// </summary>
    public bool Local { get; set; }

    /// <summary>The values of the <c>roles</c> attribute.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The full resource as JSON, without the server-maintained <c>meta</c> and <c>groups</c>.</summary>
    public string Resource { get; set; } = "{}";

    /// <summary>Incremented on every change; the weak ETag is derived from it.</summary>
    public long Version { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime Created { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime LastModified { get; set; }

    /// <summary>Builds <see cref="UserNameKey"/>.</summary>
    public static string KeyOf(string userName) => userName.ToUpperInvariant();
}
