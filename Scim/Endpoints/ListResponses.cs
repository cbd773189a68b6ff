using System.Text.Json.Nodes;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Endpoints;

/// <summary>A <c>ListResponse</c> (RFC 7644 section 3.4.2) with numeric paging fields.</summary>
internal static class ListResponses
{
    public static JsonObject From(ResourcePage page, bool countWasZero)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.ListResponse),
            ["totalResults"] = page.TotalResults,
            ["itemsPerPage"] = page.Resources.Count,
            ["startIndex"] = page.StartIndex,
        };
        if (!countWasZero)
        {
            // count=0 asks for totalResults only (RFC 7644 section 3.4.2.4).
            body["Resources"] = new JsonArray([.. page.Resources]);
        }

        return body;
    }
}
