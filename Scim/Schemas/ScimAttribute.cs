namespace ScimGateway.Scim.Schemas;

/// <summary>
/// An attribute definition with the characteristics of RFC 7643 section 7. Defaults match the RFC's defaults
/// (section 2.2): string, single-valued, not required, not case-exact, readWrite, returned default, uniqueness none.
/// </summary>
public sealed class ScimAttribute
{
    /// <summary>The canonical attribute name.</summary>
    public required string Name { get; init; }

    /// <summary>The data type.</summary>
    public ScimAttributeType Type { get; init; } = ScimAttributeType.String;

    /// <summary>Whether the value is a JSON array.</summary>
    public bool MultiValued { get; init; }

    /// <summary>Human-readable description, published in <c>/Schemas</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether the attribute is required.</summary>
    public bool Required { get; init; }

    /// <summary>Whether string comparisons are case-sensitive (filters, uniqueness, PATCH value matching).</summary>
    public bool CaseExact { get; init; }

    /// <summary>The mutability.</summary>
    public ScimMutability Mutability { get; init; } = ScimMutability.ReadWrite;

    /// <summary>When the attribute is returned.</summary>
    public ScimReturned Returned { get; init; } = ScimReturned.Default;

    /// <summary>The uniqueness.</summary>
    public ScimUniqueness Uniqueness { get; init; } = ScimUniqueness.None;

    /// <summary>Sub-attributes of a complex attribute; empty otherwise.</summary>
    public IReadOnlyList<ScimAttribute> SubAttributes { get; init; } = [];

    /// <summary>Suggested canonical values (for example <c>work</c>, <c>home</c>).</summary>
    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    /// <summary>For <see cref="ScimAttributeType.Reference"/>: the resource types it may refer to.</summary>
    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    /// <summary>Whether this is a complex attribute.</summary>
    public bool IsComplex => Type == ScimAttributeType.Complex;

    /// <summary>Finds a sub-attribute by name, case-insensitively (RFC 7643 section 2.1).</summary>
    public ScimAttribute? FindSubAttribute(string name)
    {
        foreach (var sub in SubAttributes)
        {
            if (string.Equals(sub.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return sub;
            }
        }

        return null;
    }
}
