using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// Runs a list query over one resource type. Without filter and sort, pages come positionally from the store's
/// id order (same cost for the first and the last page). With a filter, an indexed <c>eq</c> term
/// (<see cref="FilterIndexHint"/>) narrows the candidates first; otherwise every resource is scanned. The order is
/// by id unless <c>sortBy</c> says otherwise, so pages are stable.
/// </summary>
internal sealed class QueryRunner<T>
{
    public required ScimSchemaSet Schemas { get; init; }

    public required Func<int> Count { get; init; }

    public required Func<int, int, IReadOnlyList<T>> Page { get; init; }

    public required Func<FilterIndexHint, IReadOnlyList<T>> Candidates { get; init; }

    public required Func<IEnumerable<T>> All { get; init; }

    public ResourcePage Run(ResourceQuery query, int maxResults, Func<T, FilterNode?, JsonObject> render, AttributeProjection projection)
    {
        var filter = string.IsNullOrWhiteSpace(query.Filter) ? null : FilterParser.Parse(query.Filter, Schemas);
        var comparer = ResourceSortComparer.Create(query.SortBy, query.SortOrder, Schemas);
        var (start, take) = query.Paging(maxResults);
        if (filter is null && comparer is null)
        {
            var items = take == 0 ? [] : Page(start - 1, take);
            return new ResourcePage(Count(), start, items.Select(r => projection.Apply(render(r, null))).ToList());
        }

        var hint = filter is null ? null : FilterIndexHint.TryExtract(filter);
        var source = hint is null ? All() : Candidates(hint);
        var matches = new List<JsonObject>();
        foreach (var record in source)
        {
            var json = render(record, filter);
            if (filter is null || FilterEvaluator.Matches(filter, json, Schemas))
            {
                matches.Add(json);
            }
        }

        matches.Sort(comparer is null ? CompareIds : comparer.Compare);
        var page = take == 0 ? [] : matches.Skip(start - 1).Take(take).Select(projection.Apply).ToList();
        return new ResourcePage(matches.Count, start, page);
    }

    private static int CompareIds(JsonObject a, JsonObject b) => string.CompareOrdinal(Id(a), Id(b));

    private static string? Id(JsonObject resource) =>
        resource["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
