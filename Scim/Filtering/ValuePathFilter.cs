using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// <c>attrPath[valFilter]</c>: some value of the complex attribute matches <see cref="Filter"/>, whose paths name
/// sub-attributes. The parser folds a trailing sub-attribute comparison into the inner filter:
/// <c>emails[type eq "work"].value eq "x"</c> becomes <c>emails[type eq "work" and value eq "x"]</c>, which is the
/// RFC 7644 meaning (one email that is both work and x).
/// </summary>
/// <param name="Path">The complex attribute (no sub-attribute).</param>
/// <param name="Filter">The filter applied to each value.</param>
public sealed record ValuePathFilter(AttributePath Path, FilterNode Filter) : FilterNode;
