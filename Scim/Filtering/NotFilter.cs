namespace ScimGateway.Scim.Filtering;

/// <summary><c>not (inner)</c>.</summary>
/// <param name="Inner">The negated filter.</param>
public sealed record NotFilter(FilterNode Inner) : FilterNode;
