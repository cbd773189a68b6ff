using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>Compares one JSON attribute value with a filter value by the attribute's type (RFC 7644 section 3.4.2.2).</summary>
internal static class ValueComparer
{
    public static bool Matches(ComparisonOperator op, ScimAttribute leaf, JsonNode node, FilterValue value)
    {
        if (value.Kind == FilterValueKind.Null)
        {
            return false;
        }

        return leaf.Type switch
        {
            ScimAttributeType.Boolean => CompareBoolean(op, leaf, node, value),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => CompareNumber(op, node, value),
            ScimAttributeType.DateTime when op is not (ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew) =>
                CompareDateTime(op, node, value),
            ScimAttributeType.Binary when IsOrdering(op) =>
                throw ScimException.BadRequest(ScimType.InvalidFilter, $"The operator '{Name(op)}' cannot be used on the binary attribute '{leaf.Name}'."),
            _ => CompareString(op, Text(node), value.AsText(), leaf.CaseExact),
        };
    }

    private static bool CompareBoolean(ComparisonOperator op, ScimAttribute leaf, JsonNode node, FilterValue value)
    {
        if (op is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter, $"The operator '{Name(op)}' cannot be used on the boolean attribute '{leaf.Name}'.");
        }

        // Lenient on both sides: Entra has stored and sent "True"/"False" strings for booleans.
        var expected = value.Kind == FilterValueKind.Boolean ? value.Boolean
            : ScimValues.TryParseBoolean(value.AsText(), out var parsed) ? parsed : (bool?)null;
        var actual = node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => ScimValues.TryParseBoolean(Text(node), out var b) ? b : (bool?)null,
        };
        return expected is not null && actual == expected;
    }

    private static bool CompareNumber(ComparisonOperator op, JsonNode node, FilterValue value)
    {
        decimal expected = value.Number;
        if ((value.Kind != FilterValueKind.Number && !ScimValues.TryParseNumber(value.AsText(), out expected))
            || !ScimValues.TryParseNumber(node.GetValueKind() == JsonValueKind.Number ? node.ToJsonString() : Text(node), out var actual))
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew =>
                CompareString(op, actual.ToString(System.Globalization.CultureInfo.InvariantCulture), value.AsText(), true),
            _ => Order(op, actual.CompareTo(expected)),
        };
    }

    private static bool CompareDateTime(ComparisonOperator op, JsonNode node, FilterValue value)
    {
        if (!ScimValues.TryParseDateTime(Text(node), out var actual) || !ScimValues.TryParseDateTime(value.AsText(), out var expected))
        {
            return false;
        }

        return Order(op, actual.CompareTo(expected));
    }

    private static bool CompareString(ComparisonOperator op, string actual, string expected, bool caseExact)
    {
        var comparison = caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            ComparisonOperator.Co => actual.Contains(expected, comparison),
            ComparisonOperator.Sw => actual.StartsWith(expected, comparison),
            ComparisonOperator.Ew => actual.EndsWith(expected, comparison),
            _ => Order(op, string.Compare(actual, expected, comparison)),
        };
    }

    private static bool Order(ComparisonOperator op, int sign) => op switch
    {
        ComparisonOperator.Eq => sign == 0,
        ComparisonOperator.Ne => sign != 0,
        ComparisonOperator.Gt => sign > 0,
        ComparisonOperator.Ge => sign >= 0,
        ComparisonOperator.Lt => sign < 0,
        ComparisonOperator.Le => sign <= 0,
        _ => false,
    };

    private static bool IsOrdering(ComparisonOperator op) =>
        op is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le;

    private static string Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    private static string Name(ComparisonOperator op) => op.ToString().ToLowerInvariant();
}
