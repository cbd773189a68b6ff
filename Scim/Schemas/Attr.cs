namespace ScimGateway.Scim.Schemas;

/// <summary>Short factories that keep the schema definitions readable as tables.</summary>
internal static class Attr
{
    public static ScimAttribute Str(
        string name,
        string description,
        bool caseExact = false,
        bool required = false,
        ScimMutability mutability = ScimMutability.ReadWrite,
        ScimReturned returned = ScimReturned.Default,
        ScimUniqueness uniqueness = ScimUniqueness.None,
        IReadOnlyList<string>? canonical = null) => new()
        {
            Name = name,
            Description = description,
            CaseExact = caseExact,
            Required = required,
            Mutability = mutability,
            Returned = returned,
            Uniqueness = uniqueness,
            CanonicalValues = canonical ?? [],
        };

    public static ScimAttribute Of(
        ScimAttributeType type,
        string name,
        string description,
        ScimMutability mutability = ScimMutability.ReadWrite,
        IReadOnlyList<string>? referenceTypes = null) => new()
        {
            Name = name,
            Type = type,
            Description = description,
            Mutability = mutability,
            CaseExact = type is ScimAttributeType.Reference or ScimAttributeType.Binary,
            ReferenceTypes = referenceTypes ?? [],
        };

    public static ScimAttribute Complex(
        string name,
        string description,
        bool multiValued,
        IReadOnlyList<ScimAttribute> subAttributes,
        ScimMutability mutability = ScimMutability.ReadWrite,
        ScimReturned returned = ScimReturned.Default) => new()
        {
            Name = name,
            Type = ScimAttributeType.Complex,
            Description = description,
            MultiValued = multiValued,
            SubAttributes = subAttributes,
            Mutability = mutability,
            Returned = returned,
        };

    /// <summary>
    /// The common shape of RFC 7643 section 2.4 multi-valued attributes: value, display, type, primary.
    /// </summary>
    public static ScimAttribute MultiValue(
        string name,
        string description,
        IReadOnlyList<string> types,
        ScimAttributeType valueType = ScimAttributeType.String,
        IReadOnlyList<string>? referenceTypes = null) => Complex(name, description, multiValued: true,
        [
            new ScimAttribute
            {
                Name = "value",
                Type = valueType,
                Description = $"The value of the {name} entry.",
                CaseExact = valueType is ScimAttributeType.Reference or ScimAttributeType.Binary,
                ReferenceTypes = referenceTypes ?? [],
            },
            Str("display", "A human-readable name, primarily used for display purposes."),
            Str("type", "A label indicating the attribute's function.", canonical: types),
            Of(ScimAttributeType.Boolean, "primary", "Whether this is the preferred value; at most one value is primary."),
        ]);
}
