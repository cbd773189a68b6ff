using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// A PATCH <c>path</c> (RFC 7644 section 3.5.2): <c>attrPath</c>, or <c>attrPath[valFilter]</c> optionally followed
/// by <c>.subAttr</c>.
/// </summary>
/// <param name="Attribute">The attribute, possibly with a URN and a sub-attribute.</param>
/// <param name="Filter">The value filter, or <see langword="null"/>.</param>
/// <param name="FilteredSubAttribute">The sub-attribute after the value filter, or <see langword="null"/>.</param>
public sealed record PatchPath(AttributePath Attribute, FilterNode? Filter, string? FilteredSubAttribute)
{
    /// <inheritdoc />
    public override string ToString() =>
        Filter is null ? Attribute.ToString()
        : $"{Attribute}[{FilterPrinter.Print(Filter)}]{(FilteredSubAttribute is null ? "" : "." + FilteredSubAttribute)}";
}
