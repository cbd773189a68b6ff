namespace ScimGateway.Scim.Patching;

/// <summary>The PATCH operations of RFC 7644 section 3.5.2.</summary>
public enum PatchOperationType
{
    /// <summary><c>add</c> (section 3.5.2.1).</summary>
    Add,

    /// <summary><c>remove</c> (section 3.5.2.2).</summary>
    Remove,

    /// <summary><c>replace</c> (section 3.5.2.3).</summary>
    Replace,
}
