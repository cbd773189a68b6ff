using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary><c>attrPath pr</c>: the attribute has a non-empty value.</summary>
/// <param name="Path">The attribute.</param>
public sealed record PresentFilter(AttributePath Path) : FilterNode;
