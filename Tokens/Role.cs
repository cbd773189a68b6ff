namespace ScimGateway.Tokens;

/// <summary>What a person or service user may do. Ordered so that a higher value outranks a lower one.</summary>
public enum Role
{
    /// <summary>The default role.</summary>
    Member = 0,

    /// <summary>Manages teams and data, not people or service tokens.</summary>
    Manager = 1,

    /// <summary>Manages service users, service tokens and SCIM tokens.</summary>
    Admin = 2,
}
