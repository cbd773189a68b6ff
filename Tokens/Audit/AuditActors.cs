namespace ScimGateway.Tokens.Audit;

/// <summary>The actors of audit entries that no person or service user caused.</summary>
public static class AuditActors
{
    /// <summary>The background jobs (expiry marking).</summary>
    public const string System = "system";

    /// <summary>The identity provider, through SCIM (deleting a person deletes their tokens).</summary>
    public const string Scim = "scim";
}
