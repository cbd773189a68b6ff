namespace ScimGateway.Scim.Errors;

/// <summary>
/// The <c>scimType</c> error keywords of RFC 7644 section 3.12 (table 9), spelled exactly as on the wire.
/// </summary>
public static class ScimType
{
    /// <summary>The filter syntax was invalid, or the attribute or operator is not supported.</summary>
    public const string InvalidFilter = "invalidFilter";

    /// <summary>The filter yields too many results for the server to process.</summary>
    public const string TooMany = "tooMany";

    /// <summary>One or more unique attribute values are already in use.</summary>
    public const string Uniqueness = "uniqueness";

    /// <summary>The attempted modification is not compatible with the attribute's mutability.</summary>
    public const string Mutability = "mutability";

    /// <summary>The request body was not parsable or violates the schema.</summary>
    public const string InvalidSyntax = "invalidSyntax";

    /// <summary>The <c>path</c> attribute was invalid or malformed.</summary>
    public const string InvalidPath = "invalidPath";

    /// <summary>The path did not yield an attribute or value that could be operated on.</summary>
    public const string NoTarget = "noTarget";

    /// <summary>A required value was missing, or the value is not compatible with the attribute type.</summary>
    public const string InvalidValue = "invalidValue";

    /// <summary>The specified SCIM protocol version is not supported.</summary>
    public const string InvalidVers = "invalidVers";

    /// <summary>The request cannot be completed because of sensitive information (for example in the URI).</summary>
    public const string Sensitive = "sensitive";
}
