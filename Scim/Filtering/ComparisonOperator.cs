namespace ScimGateway.Scim.Filtering;

/// <summary>Attribute comparison operators of RFC 7644 section 3.4.2.2 (table 3), except <c>pr</c>.</summary>
public enum ComparisonOperator
{
    /// <summary><c>eq</c>: equal.</summary>
    Eq,

    /// <summary><c>ne</c>: not equal.</summary>
    Ne,

    /// <summary><c>co</c>: contains (strings).</summary>
    Co,

    /// <summary><c>sw</c>: starts with (strings).</summary>
    Sw,

    /// <summary><c>ew</c>: ends with (strings).</summary>
    Ew,

    /// <summary><c>gt</c>: greater than.</summary>
    Gt,

    /// <summary><c>ge</c>: greater than or equal.</summary>
    Ge,

    /// <summary><c>lt</c>: less than.</summary>
    Lt,

    /// <summary><c>le</c>: less than or equal.</summary>
    Le,
}
