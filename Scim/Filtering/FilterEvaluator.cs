using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Evaluates a filter tree against a resource in canonical JSON form (RFC 7644 section 3.4.2.2).
/// </summary>
/// <remarks>
/// String comparisons follow the attribute's <c>caseExact</c>; a multi-valued attribute matches when any value matches;
/// <c>ne</c> is the negation of <c>eq</c> (so an absent attribute is "not equal"); dateTime values compare as instants;
/// <c>pr</c> treats null, empty strings, empty arrays and empty objects as absent; <c>eq null</c> matches an absent
/// attribute. Paths are resolved case-insensitively, so both bound (<see cref="FilterParser.Parse(string, ScimSchemaSet)"/>)
/// and unbound trees work; an unknown attribute or a nonsensical operator is a 400 <see cref="ScimType.InvalidFilter"/>.
/// </remarks>
public static class FilterEvaluator
{
    /// <summary>Whether <paramref name="resource"/> matches <paramref name="filter"/>.</summary>
    public static bool Matches(FilterNode filter, JsonObject resource, ScimSchemaSet schemas) =>
        Evaluate(filter, resource, schemas, element: null);

    /// <summary>
    /// Whether one value of the complex attribute <paramref name="complex"/> matches a value filter whose paths name
    /// sub-attributes (the <c>[...]</c> part of a value path; used by PATCH).
    /// </summary>
    public static bool MatchesValue(FilterNode filter, JsonObject element, ScimAttribute complex) =>
        Evaluate(filter, element, schemas: null, element: complex);

    private static bool Evaluate(FilterNode filter, JsonObject scope, ScimSchemaSet? schemas, ScimAttribute? element) =>
        filter switch
        {
            LogicalFilter l => EvaluateChain(l, scope, schemas, element),
            NotFilter n => !Evaluate(n.Inner, scope, schemas, element),
            PresentFilter p => Values(p.Path, scope, schemas, element, out _).Any(IsPresent),
            ComparisonFilter c => Compare(c, scope, schemas, element),
            ValuePathFilter v => EvaluateValuePath(v, scope, schemas, element),
            _ => throw ScimException.BadRequest(ScimType.InvalidFilter, "Unsupported filter."),
        };

    /// <summary>
    /// Walks the left spine of a chain in a loop (see <see cref="LogicalChain"/>), right operand first: and/or have no
    /// side effects, so the order only changes which operand decides, never the answer.
    /// </summary>
    private static bool EvaluateChain(LogicalFilter chain, JsonObject scope, ScimSchemaSet? schemas, ScimAttribute? element)
    {
        var decisive = chain.Operator == LogicalOperator.Or;
        FilterNode node = chain;
        while (node is LogicalFilter logical && logical.Operator == chain.Operator)
        {
            if (Evaluate(logical.Right, scope, schemas, element) == decisive)
            {
                return decisive;
            }

            node = logical.Left;
        }

        return Evaluate(node, scope, schemas, element);
    }

    private static bool EvaluateValuePath(ValuePathFilter filter, JsonObject scope, ScimSchemaSet? schemas, ScimAttribute? element)
    {
        if (schemas is null || element is not null)
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter, "Value filters cannot be nested.");
        }

        var resolved = schemas.Resolve(filter.Path);
        if (resolved is null || !resolved.Attribute.IsComplex || resolved.SubAttribute is not null)
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter, $"'{filter.Path}' is not a complex attribute of {schemas.ResourceType}.");
        }

        return resolved.Value(scope) switch
        {
            JsonArray array => array.OfType<JsonObject>().Any(o => Evaluate(filter.Filter, o, null, resolved.Attribute)),
            JsonObject single => Evaluate(filter.Filter, single, null, resolved.Attribute),
            _ => false,
        };
    }

    private static List<JsonNode?> Values(AttributePath path, JsonObject scope, ScimSchemaSet? schemas, ScimAttribute? element, out ScimAttribute leaf)
    {
        if (element is not null)
        {
            leaf = (path.Urn is null && path.SubAttribute is null ? element.FindSubAttribute(path.Name) : null)
                ?? throw ScimException.BadRequest(ScimType.InvalidFilter, $"'{path}' is not a sub-attribute of '{element.Name}'.");
            return Flatten(scope[leaf.Name]);
        }

        var resolved = schemas!.Resolve(path)
            ?? throw ScimException.BadRequest(ScimType.InvalidFilter, $"The attribute '{path}' is not defined for {schemas.ResourceType} resources.");
        var node = resolved.Value(scope);
        if (resolved.SubAttribute is null)
        {
            leaf = resolved.Attribute;
            return Flatten(node);
        }

        leaf = resolved.SubAttribute;
        var name = resolved.SubAttribute.Name;
        return node switch
        {
            JsonArray array => array.OfType<JsonObject>().SelectMany(o => Flatten(o[name])).ToList(),
            JsonObject single => Flatten(single[name]),
            _ => [],
        };
    }

    private static List<JsonNode?> Flatten(JsonNode? node) => node is JsonArray array ? [.. array] : [node];

    private static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Any(p => IsPresent(p.Value)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
        JsonValue v => v.GetValueKind() != JsonValueKind.Null,
        _ => false,
    };

    private static bool Compare(ComparisonFilter filter, JsonObject scope, ScimSchemaSet? schemas, ScimAttribute? element)
    {
        var values = Values(filter.Path, scope, schemas, element, out var leaf);
        if (leaf.IsComplex)
        {
            // manager eq "id", emails eq "x", members eq "id": compare against the value sub-attribute.
            var valueSub = leaf.FindSubAttribute("value")
                ?? throw ScimException.BadRequest(ScimType.InvalidFilter, $"The complex attribute '{leaf.Name}' cannot be compared.");
            values = values.OfType<JsonObject>().SelectMany(o => Flatten(o[valueSub.Name])).ToList();
            leaf = valueSub;
        }

        var present = values.Where(IsPresent).ToList();
        return filter.Operator switch
        {
            ComparisonOperator.Eq when filter.Value.Kind == FilterValueKind.Null => present.Count == 0,
            ComparisonOperator.Ne when filter.Value.Kind == FilterValueKind.Null => present.Count > 0,
            ComparisonOperator.Ne => !present.Any(v => ValueComparer.Matches(ComparisonOperator.Eq, leaf, v!, filter.Value)),
            _ => present.Any(v => ValueComparer.Matches(filter.Operator, leaf, v!, filter.Value)),
        };
    }
}
