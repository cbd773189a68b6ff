using System.Text.Json.Nodes;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Endpoints;

/// <summary>A <c>ListResponse</c> (RFC 7644 section 3.4.2) with numeric paging fields.</summary>
internal static class ListResponses
{
    /// <summary>
    /// <c>Resources</c> is always present, empty when nothing matched or when <c>count=0</c> asked for the totals only
    /// (RFC 7644 section 3.4.2.4): section 3.4.2 makes it REQUIRED whenever <c>totalResults</c> is not zero, and
    /// clients that deserialise it as a list (scim2-models, many IdP SDKs) fail on a missing one.
    /// </summary>
    public static JsonObject From(ResourcePage page) => new()
    {
        ["schemas"] = new JsonArray(ScimUrns.ListResponse),
        ["totalResults"] = page.TotalResults,
        ["itemsPerPage"] = page.Resources.Count,
        ["startIndex"] = page.StartIndex,
        ["Resources"] = new JsonArray([.. page.Resources]),
    };
}
