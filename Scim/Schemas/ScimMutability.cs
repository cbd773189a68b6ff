namespace ScimGateway.Scim.Schemas;

/// <summary>The <c>mutability</c> characteristic (RFC 7643 section 7).</summary>
public enum ScimMutability
{
    /// <summary>May be updated and read at any time.</summary>
    ReadWrite,

    /// <summary>May not be modified by clients.</summary>
    ReadOnly,

    /// <summary>May be set once (at creation or when absent), never changed afterwards.</summary>
    Immutable,

    /// <summary>May be updated at any time but is never returned.</summary>
    WriteOnly,
}
