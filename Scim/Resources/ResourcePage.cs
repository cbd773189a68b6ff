using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Resources;

/// <summary>One page of a query: the total number of matches and the page's projected resources.</summary>
public sealed record ResourcePage(int TotalResults, int StartIndex, IReadOnlyList<JsonObject> Resources);
