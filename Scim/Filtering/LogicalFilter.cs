namespace ScimGateway.Scim.Filtering;

/// <summary><c>left and right</c> or <c>left or right</c>. Chains are left-associative.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record LogicalFilter(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode;
