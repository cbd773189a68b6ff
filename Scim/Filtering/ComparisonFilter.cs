using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary><c>attrPath op compValue</c>.</summary>
/// <param name="Path">The attribute; inside a <see cref="ValuePathFilter"/> the path names a sub-attribute.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The comparison value.</param>
public sealed record ComparisonFilter(AttributePath Path, ComparisonOperator Operator, FilterValue Value) : FilterNode;
