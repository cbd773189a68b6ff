namespace ScimGateway.Scim.Filtering;

/// <summary>The JSON kind of a comparison value (RFC 7644 section 3.4.2.2 <c>compValue</c>).</summary>
public enum FilterValueKind
{
    /// <summary>A string (quoted, or an unquoted bare token: see <see cref="FilterParser"/>).</summary>
    Text,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
