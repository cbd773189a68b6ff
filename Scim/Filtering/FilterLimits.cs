namespace ScimGateway.Scim.Filtering;

/// <summary>
/// Bounds on client-controlled text that the server parses and walks: filters, PATCH paths, attribute lists and
/// <c>sortBy</c>. They are enforced while parsing, so nothing long or deep is ever built: a filter of 200,000
/// <c>or</c> terms is refused after one length check instead of growing a tree that every walker must descend.
/// The settings are <c>Scim:MaxFilterLength</c>, <c>Scim:MaxFilterNodes</c>, <c>Scim:MaxFilterDepth</c> and
/// <c>Scim:MaxAttributeNames</c>; every refusal names the one it hit.
/// </summary>
/// <param name="MaxLength">The most characters in a filter, a PATCH path, an attribute list or a <c>sortBy</c>.</param>
/// <param name="MaxNodes">The most comparisons, presence tests, <c>and</c>/<c>or</c>/<c>not</c> and value paths in one filter.</param>
/// <param name="MaxDepth">The deepest nesting of parentheses, <c>not (</c> and value filters <c>[...]</c>.</param>
/// <param name="MaxAttributeNames">The most names in <c>attributes</c> or <c>excludedAttributes</c>.</param>
public sealed record FilterLimits(int MaxLength = 10_000, int MaxNodes = 500, int MaxDepth = 32, int MaxAttributeNames = 200)
{
    /// <summary>The defaults of the <c>Scim</c> settings.</summary>
    public static FilterLimits Default { get; } = new();

    /// <summary>
    /// The greatest <see cref="MaxDepth"/> a setting may choose. Walkers of a filter tree recurse only into nested
    /// groups (a chain of <c>and</c> or <c>or</c> is walked in a loop), so their stack use is a few frames per level;
    /// 100 levels stay far below a thread pool thread's stack (checked by a test on a 256 KB thread).
    /// </summary>
    public const int DepthCeiling = 100;
}
