using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>Operations on the values of a multi-valued attribute.</summary>
internal static class MultiValues
{
    /// <summary>
    /// Adds <paramref name="items"/> to <paramref name="existing"/>. An item whose <c>value</c> is already present is
    /// merged into that value instead of duplicated (RFC 7644 section 3.5.2.1: adding an existing value is no change;
    /// Entra re-adds every existing value after a removal).
    /// </summary>
    public static void Add(ScimAttribute attribute, JsonArray existing, JsonArray items)
    {
        foreach (var item in items.ToList())
        {
            items.Remove(item);
            var match = existing.FirstOrDefault(e => SameValue(attribute, e, item));
            if (match is JsonObject target && item is JsonObject source)
            {
                Merge(target, source);
                ApplyPrimary(existing, target);
            }
            else if (match is null)
            {
                existing.Add(item);
                ApplyPrimary(existing, item);
            }
        }
    }

    /// <summary>Removes the values equal (by <c>value</c>) to one of <paramref name="items"/>; returns how many.</summary>
    public static int RemoveMatching(ScimAttribute attribute, JsonArray existing, JsonArray items)
    {
        var doomed = existing.Where(e => items.Any(i => SameValue(attribute, e, i))).ToList();
        foreach (var node in doomed)
        {
            existing.Remove(node);
        }

        return doomed.Count;
    }

    /// <summary>Copies sub-attributes; a null sub-attribute is removed from the target.</summary>
    public static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            if (value is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    /// <summary>RFC 7643 section 2.4: at most one value is primary; the latest one written wins.</summary>
    public static void ApplyPrimary(JsonArray values, JsonNode? winner)
    {
        if (winner is not JsonObject w || w["primary"]?.GetValueKind() != JsonValueKind.True)
        {
            return;
        }

        foreach (var other in values.OfType<JsonObject>())
        {
            if (!ReferenceEquals(other, w) && other["primary"]?.GetValueKind() == JsonValueKind.True)
            {
                other["primary"] = false;
            }
        }
    }

    /// <summary>Drops nulls from a new complex value (nulls only mean "clear" when merging).</summary>
    public static JsonObject WithoutNulls(JsonObject value)
    {
        foreach (var (key, item) in value.ToList())
        {
            if (item is null)
            {
                value.Remove(key);
            }
        }

        return value;
    }

    private static bool SameValue(ScimAttribute attribute, JsonNode? a, JsonNode? b)
    {
        var valueSub = attribute.FindSubAttribute("value");
        if (valueSub is not null && a is JsonObject ao && b is JsonObject bo && ao["value"] is JsonNode av && bo["value"] is JsonNode bv)
        {
            if (av.GetValueKind() == JsonValueKind.String && bv.GetValueKind() == JsonValueKind.String)
            {
                return string.Equals(av.GetValue<string>(), bv.GetValue<string>(),
                    valueSub.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            }

            return JsonNode.DeepEquals(av, bv);
        }

        return JsonNode.DeepEquals(a, b);
    }
}
