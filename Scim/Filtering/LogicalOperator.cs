namespace ScimGateway.Scim.Filtering;

/// <summary>Logical operators; <c>and</c> binds tighter than <c>or</c> (RFC 7644 section 3.4.2.2, table 4).</summary>
public enum LogicalOperator
{
    /// <summary>Both sides match.</summary>
    And,

    /// <summary>Either side matches.</summary>
    Or,
}
