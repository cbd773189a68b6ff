namespace ScimGateway.Tokens.Audit;

/// <summary>One entry of the audit trail. Never holds a token, only ids.</summary>
public sealed class AuditRecord
{
    /// <summary>Sequential id; also the order of events.</summary>
    public long Id { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Who did it: an owner id, <c>cli</c>, <c>scim</c> or <c>system</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The actor's kind (<c>Human</c> or <c>Service</c>) when a person or service user acted; null for <c>scim</c> and <c>system</c>.</summary>
    public string? ActorKind { get; set; }

    /// <summary>The actor's role when they acted (<c>Admin</c>, <c>Manager</c>, <c>Member</c>); null for <c>scim</c> and <c>system</c>.</summary>
    public string? ActorRole { get; set; }

    /// <summary>What happened, for example <c>token.revoked</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The id of the token or service user it happened to.</summary>
    public string Target { get; set; } = "";

    /// <summary>The client address of the request, when there was one.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>A short human-readable detail, such as the token's name.</summary>
    public string? Detail { get; set; }
}
