using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>
/// Turns client JSON into canonical attribute values: canonical sub-attribute names, JSON types per the schema, and
/// always fresh nodes (a node cannot have two parents). <see langword="null"/> means "clear the attribute": Entra
/// sends nulls and empty strings to unassign (SCIM-COMPAT.md).
/// </summary>
internal static class ValueCoercer
{
    /// <summary>A whole attribute value (an array for multi-valued attributes).</summary>
    public static JsonNode? Attribute(ScimAttribute attribute, JsonNode? value, PatchOptions options)
    {
        if (IsEmpty(value))
        {
            return null;
        }

        if (!attribute.MultiValued)
        {
            return Single(attribute, value!, options);
        }

        if (value is not JsonArray array)
        {
            if (options.StrictRfc)
            {
                throw Invalid($"'{attribute.Name}' is multi-valued and takes an array.");
            }

            array = [value!.DeepClone()];
        }

        var items = new JsonArray();
        foreach (var item in array)
        {
            if (!IsEmpty(item) && Single(attribute, item!, options) is { } coerced)
            {
                items.Add(coerced);
            }
        }

        return items.Count == 0 ? null : items;
    }

    /// <summary>One value: a complex object, or a scalar of the attribute's type.</summary>
    public static JsonNode? Single(ScimAttribute attribute, JsonNode value, PatchOptions options)
    {
        if (!attribute.IsComplex)
        {
            return Scalar(attribute, value, options);
        }

        switch (value)
        {
            case JsonObject obj:
                return Complex(attribute, obj, options);
            case JsonArray array when !attribute.MultiValued && !options.StrictRfc && array.Count <= 1:
                // Entra: {"op":"Add","path":"manager","value":[{"$ref":"...","value":"id"}]}.
                return array.Count == 0 || IsEmpty(array[0]) ? null : Single(attribute, array[0]!, options);
            case JsonValue scalar when !options.StrictRfc && attribute.FindSubAttribute("value") is { } valueSub:
                // A plain string for a complex attribute means its value: "manager": "id".
                return Scalar(valueSub, scalar, options) is { } v ? new JsonObject { [valueSub.Name] = v } : null;
            default:
                throw Invalid($"'{attribute.Name}' is a complex attribute and takes an object.");
        }
    }

    /// <summary>
    /// A complex value with canonical sub-attribute names. Explicit nulls are kept (they clear sub-attributes when
    /// merged); readOnly sub-attributes are dropped because the server computes them (manager.displayName).
    /// </summary>
    public static JsonObject? Complex(ScimAttribute attribute, JsonObject value, PatchOptions options)
    {
        var result = new JsonObject();
        foreach (var (key, item) in value)
        {
            var sub = attribute.FindSubAttribute(key);
            if (sub is null)
            {
                if (options.StrictRfc)
                {
                    throw Invalid($"'{key}' is not a sub-attribute of '{attribute.Name}'.");
                }

                continue;
            }

            if (sub.Mutability == ScimMutability.ReadOnly)
            {
                continue;
            }

            result[sub.Name] = IsEmpty(item) ? null : Scalar(sub, item!, options);
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>A scalar converted to the attribute's JSON type.</summary>
    public static JsonNode? Scalar(ScimAttribute attribute, JsonNode value, PatchOptions options)
    {
        if (IsEmpty(value))
        {
            return null;
        }

        if (value is not JsonValue)
        {
            throw Invalid($"'{attribute.Name}' takes a single {Describe(attribute)} value.");
        }

        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        switch (attribute.Type)
        {
            case ScimAttributeType.Boolean:
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(kind == JsonValueKind.True);
                }

                // Entra: {"op":"Replace","path":"active","value":"False"}.
                if (!options.StrictRfc && kind == JsonValueKind.String && ScimValues.TryParseBoolean(text, out var flag))
                {
                    return JsonValue.Create(flag);
                }

                break;
            case ScimAttributeType.Integer or ScimAttributeType.Decimal:
                if ((kind == JsonValueKind.Number || (!options.StrictRfc && kind == JsonValueKind.String))
                    && ScimValues.TryParseNumber(text, out var number)
                    && (attribute.Type == ScimAttributeType.Decimal || number == decimal.Truncate(number)))
                {
                    return attribute.Type == ScimAttributeType.Integer && number is >= long.MinValue and <= long.MaxValue
                        ? JsonValue.Create((long)number)
                        : JsonValue.Create(number);
                }

                break;
            case ScimAttributeType.DateTime:
                if (kind == JsonValueKind.String && ScimValues.TryParseDateTime(text, out _))
                {
                    return JsonValue.Create(text);
                }

                break;
            case ScimAttributeType.String:
                if (kind == JsonValueKind.String)
                {
                    return JsonValue.Create(text);
                }

                // Entra sends employeeNumber and similar as JSON numbers on some tenants.
                if (!options.StrictRfc && kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(text);
                }

                break;
            default:
                if (kind == JsonValueKind.String)
                {
                    return JsonValue.Create(text);
                }

                break;
        }

        throw Invalid($"'{Truncate(text)}' is not a valid {Describe(attribute)} value for '{attribute.Name}'.");
    }

    /// <summary>Whether a value means "unassigned": absent, JSON null or an empty string.</summary>
    public static bool IsEmpty(JsonNode? value) =>
        value is null
        || (value is JsonValue v && (v.GetValueKind() == JsonValueKind.Null
            || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0)));

    private static string Describe(ScimAttribute attribute) =>
        attribute.Type.ToString().ToLower(CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private static ScimException Invalid(string detail) => ScimException.BadRequest(ScimType.InvalidValue, detail);
}
