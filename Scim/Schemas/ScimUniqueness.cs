namespace ScimGateway.Scim.Schemas;

/// <summary>The <c>uniqueness</c> characteristic (RFC 7643 section 7).</summary>
public enum ScimUniqueness
{
    /// <summary>No uniqueness is enforced.</summary>
    None,

    /// <summary>Unique within this service provider.</summary>
    Server,

    /// <summary>Globally unique.</summary>
    Global,
}
