using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>
/// Turns operations on a Group's <c>members</c> into <see cref="MemberChanges"/> instead of editing a member list.
/// </summary>
internal static class MemberPatcher
{
    public static void Apply(PatchOperationType op, PatchPath path, ScimAttribute members, JsonNode? value, MemberChanges changes, PatchOptions options)
    {
        if (path.Attribute.SubAttribute is not null || path.FilteredSubAttribute is not null)
        {
            throw ScimException.BadRequest(ScimType.InvalidPath, $"'{path}': members can only be changed as a whole or selected by value.");
        }

        if (path.Filter is not null)
        {
            if (op != PatchOperationType.Remove)
            {
                throw ScimException.BadRequest(ScimType.InvalidPath, $"'{path}': a member filter is only supported with remove; use add or replace on 'members'.");
            }

            // Okta: {"op":"remove","path":"members[value eq \"id\"]"}.
            changes.Remove(IdsFromFilter(FilterBinder.BindInner(path.Filter, members, ScimType.InvalidFilter)));
            return;
        }

        switch (op)
        {
            case PatchOperationType.Add:
                changes.Add(Ids(value, options));
                break;
            case PatchOperationType.Replace:
                changes.Replace(Ids(value, options));
                break;
            case PatchOperationType.Remove when ValueCoercer.IsEmpty(value) || value is JsonArray { Count: 0 }:
                changes.Replace([]);
                break;
            case PatchOperationType.Remove when options.StrictRfc:
                throw ScimException.BadRequest(ScimType.InvalidValue,
                    "RFC 7644 remove takes no value; select members with a filter: members[value eq \"id\"].");
            case PatchOperationType.Remove:
                // Entra: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes those members only, never all.
                changes.Remove(Ids(value, options));
                break;
        }
    }

    private static List<string> Ids(JsonNode? value, PatchOptions options)
    {
        if (ValueCoercer.IsEmpty(value))
        {
            return [];
        }

        var items = value is JsonArray array ? array.ToList() : [value];
        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            var id = item switch
            {
                JsonObject obj => obj.FirstOrDefault(p => string.Equals(p.Key, "value", StringComparison.OrdinalIgnoreCase)).Value,
                JsonValue v when !options.StrictRfc => v,
                _ => null,
            };
            if (id?.GetValueKind() != JsonValueKind.String || id.GetValue<string>().Length == 0)
            {
                throw ScimException.BadRequest(ScimType.InvalidValue, "Every member needs a non-empty string 'value' (the member's id).");
            }

            ids.Add(id.GetValue<string>());
        }

        return ids;
    }

    private static List<string> IdsFromFilter(FilterNode filter)
    {
        var ids = new List<string>();
        Collect(filter, ids);
        return ids;
    }

    private static void Collect(FilterNode filter, List<string> ids)
    {
        switch (filter)
        {
            case LogicalFilter { Operator: LogicalOperator.Or } or:
                foreach (var operand in LogicalChain.Operands(or))
                {
                    Collect(operand, ids);
                }

                break;
            case ComparisonFilter { Operator: ComparisonOperator.Eq, Path.Name: "value" } eq when eq.Value.Kind != FilterValueKind.Null:
                ids.Add(eq.Value.AsText());
                break;
            default:
                throw ScimException.BadRequest(ScimType.InvalidFilter,
                    $"Members can be selected only by 'value eq \"id\"' terms joined with 'or', not by '{filter}'.");
        }
    }
}
