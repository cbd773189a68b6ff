using ScimGateway.Scim.Filtering;

namespace ScimGateway.Scim.Resources;

/// <summary>Whether a filter refers to a derived attribute (<c>groups</c>, <c>members</c>) that must be loaded to evaluate it.</summary>
internal static class FilterMentions
{
    public static bool Attribute(FilterNode? filter, string name) => filter switch
    {
        null => false,
        LogicalFilter logical => LogicalChain.Operands(logical).Exists(o => Attribute(o, name)),
        NotFilter not => Attribute(not.Inner, name),
        ValuePathFilter valuePath => Is(valuePath.Path.Name, name),
        ComparisonFilter comparison => Is(comparison.Path.Name, name),
        PresentFilter present => Is(present.Path.Name, name),
        _ => true,
    };

    private static bool Is(string attribute, string name) => string.Equals(attribute, name, StringComparison.OrdinalIgnoreCase);
}
