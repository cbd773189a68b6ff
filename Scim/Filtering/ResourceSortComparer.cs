using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Orders resources for <c>sortBy</c>/<c>sortOrder</c> (RFC 7644 section 3.4.2.3): by the attribute's type and
/// <c>caseExact</c>; a multi-valued attribute sorts by its primary value, else its first; resources without a value
/// come last in both orders; ties break on <c>id</c> so that pages stay stable (Okta imports page by page).
/// </summary>
public sealed class ResourceSortComparer : IComparer<JsonObject>
{
    private readonly ResolvedAttribute _attribute;
    private readonly bool _descending;

    private ResourceSortComparer(ResolvedAttribute attribute, bool descending)
    {
        _attribute = attribute;
        _descending = descending;
    }

    /// <summary>
    /// Creates a comparer, or returns <see langword="null"/> when <paramref name="sortBy"/> is empty. An unknown
    /// attribute or a sortOrder other than ascending/descending is 400 <see cref="ScimType.InvalidValue"/>.
    /// </summary>
    public static ResourceSortComparer? Create(string? sortBy, string? sortOrder, ScimSchemaSet schemas, FilterLimits? limits = null)
    {
        if (string.IsNullOrWhiteSpace(sortBy))
        {
            return null;
        }

        limits ??= FilterLimits.Default;
        if (sortBy.Length > limits.MaxLength || sortOrder?.Length > limits.MaxLength)
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter,
                $"'sortBy' and 'sortOrder' may be at most {limits.MaxLength} characters long (Scim:MaxFilterLength).");
        }

        var resolved = schemas.Resolve(sortBy)
            ?? throw ScimException.BadRequest(ScimType.InvalidValue, $"Cannot sort by '{sortBy}': no such attribute for {schemas.ResourceType} resources.");
        if (resolved.SubAttribute is null && resolved.Attribute.IsComplex)
        {
            resolved = resolved with
            {
                SubAttribute = resolved.Attribute.FindSubAttribute("value")
                    ?? throw ScimException.BadRequest(ScimType.InvalidValue, $"Cannot sort by the complex attribute '{sortBy}'; name a sub-attribute."),
            };
        }

        var descending = sortOrder?.Trim().ToLowerInvariant() switch
        {
            null or "" or "ascending" => false,
            "descending" => true,
            _ => throw ScimException.BadRequest(ScimType.InvalidValue, $"sortOrder must be 'ascending' or 'descending', not '{sortOrder}'."),
        };
        return new ResourceSortComparer(resolved, descending);
    }

    /// <summary>
    /// A small copy of <paramref name="resource"/> that sorts exactly like it: its <c>id</c> and the top-level member
    /// holding the sort attribute. Sorted queries keep these instead of whole resources.
    /// </summary>
    public JsonObject SortKey(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var top = _attribute.ExtensionUrn ?? _attribute.Attribute.Name;
        var key = new JsonObject { ["id"] = resource["id"]?.DeepClone() };
        if (resource[top] is { } value)
        {
            key[top] = value.DeepClone();
        }

        return key;
    }

    /// <inheritdoc />
    public int Compare(JsonObject? x, JsonObject? y)
    {
        var a = x is null ? null : SortValue(x);
        var b = y is null ? null : SortValue(y);
        int result;
        if (a is null || b is null)
        {
            result = (a is null).CompareTo(b is null); // missing values last, whatever the order
        }
        else
        {
            result = CompareValues(a, b);
            result = _descending ? -result : result;
        }

        return result != 0 ? result : string.CompareOrdinal(Id(x), Id(y));
    }

    private JsonNode? SortValue(JsonObject resource)
    {
        var node = _attribute.Value(resource);
        if (node is JsonArray array)
        {
            node = array.OfType<JsonObject>().FirstOrDefault(o => o["primary"]?.GetValueKind() == JsonValueKind.True)
                ?? array.FirstOrDefault();
        }

        if (_attribute.SubAttribute is not null)
        {
            node = (node as JsonObject)?[_attribute.SubAttribute.Name];
        }

        return node is JsonValue v && v.GetValueKind() is not JsonValueKind.Null && !(v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0)
            ? node
            : null;
    }

    private int CompareValues(JsonNode a, JsonNode b)
    {
        var leaf = _attribute.Leaf;
        var ta = Text(a);
        var tb = Text(b);
        switch (leaf.Type)
        {
            case ScimAttributeType.Integer or ScimAttributeType.Decimal
                when ScimValues.TryParseNumber(ta, out var na) && ScimValues.TryParseNumber(tb, out var nb):
                return na.CompareTo(nb);
            case ScimAttributeType.DateTime
                when ScimValues.TryParseDateTime(ta, out var da) && ScimValues.TryParseDateTime(tb, out var db):
                return da.CompareTo(db);
            case ScimAttributeType.Boolean:
                return (a.GetValueKind() == JsonValueKind.True).CompareTo(b.GetValueKind() == JsonValueKind.True);
            default:
                return string.Compare(ta, tb, leaf.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    private static string? Id(JsonObject? resource) =>
        resource?["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
