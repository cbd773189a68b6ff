using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Scim.Endpoints;

/// <summary>Reads a <c>SearchRequest</c> body (RFC 7644 section 3.4.3); names are case-insensitive.</summary>
internal static class SearchRequests
{
    public static ResourceQuery Read(JsonNode body)
    {
        if (body is not JsonObject root)
        {
            throw ScimException.BadRequest(ScimType.InvalidSyntax, "The search body must be a JSON object.");
        }

        return new ResourceQuery(
            Filter: Text(root, "filter"),
            SortBy: Text(root, "sortBy"),
            SortOrder: Text(root, "sortOrder"),
            StartIndex: Integer(root, "startIndex"),
            Count: Integer(root, "count"),
            Attributes: List(root, "attributes"),
            ExcludedAttributes: List(root, "excludedAttributes"));
    }

    private static JsonNode? Property(JsonObject root, string name) =>
        root.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject root, string name) => Property(root, name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw ScimException.BadRequest(ScimType.InvalidValue, $"'{name}' must be a string."),
    };

    private static int? Integer(JsonObject root, string name)
    {
        var node = Property(root, name);
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value)
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : throw ScimException.BadRequest(ScimType.InvalidValue, $"'{name}' must be an integer.");
    }

    private static string? List(JsonObject root, string name) => Property(root, name) switch
    {
        null => null,
        JsonArray array => string.Join(',', array.Select(i => i?.GetValueKind() == JsonValueKind.String
            ? i.GetValue<string>()
            : throw ScimException.BadRequest(ScimType.InvalidValue, $"'{name}' must list attribute names."))),
        _ => Text(root, name),
    };
}
