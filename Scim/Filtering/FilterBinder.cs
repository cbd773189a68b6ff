using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Checks a filter tree against a resource type's schemas and rewrites it into canonical form: canonical attribute
/// names, the URN kept only for extension attributes, and a comparison on a complex attribute that has a
/// <c>value</c> sub-attribute redirected to it (<c>manager eq "id"</c> is <c>manager.value eq "id"</c>, as Entra means it;
/// <c>members eq "id"</c> likewise).
/// </summary>
public static class FilterBinder
{
    /// <summary>Binds <paramref name="filter"/>; failures are 400 with <paramref name="scimType"/>.</summary>
    public static FilterNode Bind(FilterNode filter, ScimSchemaSet schemas, string scimType = ScimType.InvalidFilter) =>
        filter switch
        {
            LogicalFilter l => LogicalChain.Join(l.Operator, LogicalChain.Operands(l).ConvertAll(o => Bind(o, schemas, scimType))),
            NotFilter n => n with { Inner = Bind(n.Inner, schemas, scimType) },
            PresentFilter p => p with { Path = Resolve(p.Path, schemas, scimType).CanonicalPath },
            ComparisonFilter c => BindComparison(c, Leafward(Resolve(c.Path, schemas, scimType), scimType), scimType),
            ValuePathFilter v => BindValuePath(v, schemas, scimType),
            _ => throw ScimException.BadRequest(scimType, "Unsupported filter."),
        };

    /// <summary>Binds the inner filter of a value path to the sub-attributes of <paramref name="complex"/>.</summary>
    public static FilterNode BindInner(FilterNode filter, ScimAttribute complex, string scimType = ScimType.InvalidFilter) =>
        filter switch
        {
            LogicalFilter l => LogicalChain.Join(l.Operator, LogicalChain.Operands(l).ConvertAll(o => BindInner(o, complex, scimType))),
            NotFilter n => n with { Inner = BindInner(n.Inner, complex, scimType) },
            PresentFilter p => p with { Path = new AttributePath(null, Sub(complex, p.Path, scimType).Name) },
            ComparisonFilter c => BindComparison(
                c with { Path = new AttributePath(null, Sub(complex, c.Path, scimType).Name) },
                Sub(complex, c.Path, scimType),
                scimType),
            _ => throw ScimException.BadRequest(scimType, "Value filters cannot be nested."),
        };

    private static FilterNode BindValuePath(ValuePathFilter filter, ScimSchemaSet schemas, string scimType)
    {
        var resolved = Resolve(filter.Path, schemas, scimType);
        if (!resolved.Attribute.IsComplex || resolved.SubAttribute is not null)
        {
            throw ScimException.BadRequest(scimType, $"'{filter.Path}' is not a complex attribute and cannot take a value filter.");
        }

        return new ValuePathFilter(resolved.CanonicalPath, BindInner(filter.Filter, resolved.Attribute, scimType));
    }

    private static ResolvedAttribute Resolve(AttributePath path, ScimSchemaSet schemas, string scimType) =>
        schemas.Resolve(path)
        ?? throw ScimException.BadRequest(scimType, $"The attribute '{path}' is not defined for {schemas.ResourceType} resources.");

    private static ResolvedAttribute Leafward(ResolvedAttribute resolved, string scimType)
    {
        if (resolved.SubAttribute is null && resolved.Attribute.IsComplex)
        {
            var value = resolved.Attribute.FindSubAttribute("value")
                ?? throw ScimException.BadRequest(scimType, $"The complex attribute '{resolved.Attribute.Name}' cannot be compared; name a sub-attribute.");
            return resolved with { SubAttribute = value };
        }

        return resolved;
    }

    private static ScimAttribute Sub(ScimAttribute complex, AttributePath path, string scimType) =>
        (path.Urn is null && path.SubAttribute is null ? complex.FindSubAttribute(path.Name) : null)
        ?? throw ScimException.BadRequest(scimType, $"'{path}' is not a sub-attribute of '{complex.Name}'.");

    private static ComparisonFilter BindComparison(ComparisonFilter filter, ResolvedAttribute resolved, string scimType) =>
        BindComparison(filter with { Path = resolved.CanonicalPath }, resolved.Leaf, scimType);

    private static ComparisonFilter BindComparison(ComparisonFilter filter, ScimAttribute leaf, string scimType)
    {
        var ordering = filter.Operator is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le;
        var substring = filter.Operator is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew;
        var op = filter.Operator.ToString().ToLowerInvariant();

        // RFC 7644 section 3.4.2.2: gt/ge/lt/le on boolean or binary attributes is an error; co/sw/ew are for strings.
        if ((ordering || substring) && leaf.Type is ScimAttributeType.Boolean or ScimAttributeType.Binary or ScimAttributeType.Complex)
        {
            throw ScimException.BadRequest(scimType, $"The operator '{op}' cannot be used on the {leaf.Type.ToString().ToLowerInvariant()} attribute '{leaf.Name}'.");
        }

        if ((ordering || substring) && filter.Value.Kind == FilterValueKind.Null)
        {
            throw ScimException.BadRequest(scimType, $"The operator '{op}' cannot compare with null.");
        }

        if (leaf.Type == ScimAttributeType.DateTime && filter.Value.Kind != FilterValueKind.Null && !substring
            && !ScimValues.TryParseDateTime(filter.Value.AsText(), out _))
        {
            throw ScimException.BadRequest(scimType, $"'{filter.Value.AsText()}' is not a dateTime value for '{leaf.Name}'.");
        }

        if (leaf.Type is ScimAttributeType.Integer or ScimAttributeType.Decimal && filter.Value.Kind == FilterValueKind.Text
            && !ScimValues.TryParseNumber(filter.Value.Text, out _))
        {
            throw ScimException.BadRequest(scimType, $"'{filter.Value.Text}' is not a number for '{leaf.Name}'.");
        }

        if (leaf.Type == ScimAttributeType.Boolean && filter.Value.Kind == FilterValueKind.Number)
        {
            throw ScimException.BadRequest(scimType, $"'{leaf.Name}' is boolean and cannot be compared with a number.");
        }

        return filter;
    }
}
