using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Parses SCIM filters (RFC 7644 section 3.4.2.2) and PATCH paths (section 3.5.2).
/// </summary>
/// <remarks>
/// Leniencies, all harmless for valid RFC input: operators, <c>and</c>/<c>or</c>/<c>not</c> and
/// <c>true</c>/<c>false</c>/<c>null</c> are case-insensitive; any whitespace separates tokens; and an unquoted
/// comparison value that is not a keyword or a JSON number is read as a string, because Microsoft Entra sends
/// <c>externalId eq 5b1c2d3e-0000-0000-0000-000000000000</c> without quotes. Every failure is a
/// <see cref="ScimException"/> (400, <see cref="ScimType.InvalidFilter"/> or, for paths,
/// <see cref="ScimType.InvalidPath"/>) whose detail names the problem and its 1-based position.
/// </remarks>
public static class FilterParser
{
    /// <summary>Parses filter text into a tree, without checking attribute names against a schema.</summary>
    public static FilterNode Parse(string? text) => Parse(text, FilterLimits.Default);

    /// <summary>Parses filter text within <paramref name="limits"/>, without checking attribute names against a schema.</summary>
    public static FilterNode Parse(string? text, FilterLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (text is null)
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter, "The filter is empty.");
        }

        return new FilterReader(text, ScimType.InvalidFilter, limits).ReadWholeFilter();
    }

    /// <summary>
    /// Parses filter text and binds it to <paramref name="schemas"/>: unknown attributes and operators that make no
    /// sense for the attribute type are <see cref="ScimType.InvalidFilter"/>; names become canonical
    /// (see <see cref="FilterBinder"/>).
    /// </summary>
    public static FilterNode Parse(string? text, ScimSchemaSet schemas) => Parse(text, schemas, FilterLimits.Default);

    /// <summary>Parses filter text within <paramref name="limits"/> and binds it to <paramref name="schemas"/>.</summary>
    public static FilterNode Parse(string? text, ScimSchemaSet schemas, FilterLimits limits) =>
        FilterBinder.Bind(Parse(text, limits), schemas, ScimType.InvalidFilter);

    /// <summary>Parses a PATCH path without a schema.</summary>
    public static PatchPath ParsePath(string? text) => ParsePath(text, FilterLimits.Default);

    /// <summary>Parses a PATCH path within <paramref name="limits"/>; a path past them is <see cref="ScimType.InvalidPath"/>.</summary>
    public static PatchPath ParsePath(string? text, FilterLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ScimException.BadRequest(ScimType.InvalidPath, "The path is empty.");
        }

        return new FilterReader(text, ScimType.InvalidPath, limits).ReadWholePath();
    }
}
