using System.Diagnostics.CodeAnalysis;

namespace ScimGateway.Scim.Schemas;

/// <summary>Attribute data types of RFC 7643 section 2.3.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The members mirror the RFC 7643 section 2.3 type names, which are the wire values.")]
public enum ScimAttributeType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A real number.</summary>
    Decimal,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>An xsd:dateTime string (RFC 7643 section 2.3.5).</summary>
    DateTime,

    /// <summary>Base64-encoded bytes.</summary>
    Binary,

    /// <summary>A URI reference (<c>$ref</c>).</summary>
    Reference,

    /// <summary>A JSON object with sub-attributes.</summary>
    Complex,
}
