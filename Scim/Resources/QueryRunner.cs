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
/// <remarks>
/// A scan streams: each resource is rendered, tested and dropped, and only the page is kept, while
/// <c>totalResults</c> is counted on the way; memory does not grow with the number of resources. With <c>sortBy</c>
/// only a small sort key (id and the sorted attribute) of the best <c>startIndex + count - 1</c> matches is kept, and
/// the page's resources are read again by id.
/// </remarks>
internal sealed class QueryRunner<T>
{
    public required ScimSchemaSet Schemas { get; init; }

    public required Func<int> Count { get; init; }

    public required Func<int, int, IReadOnlyList<T>> Page { get; init; }

    public required Func<FilterIndexHint, IReadOnlyList<T>> Candidates { get; init; }

    /// <summary>Every resource, in id order, streamed.</summary>
    public required Func<IEnumerable<T>> All { get; init; }

    public required Func<T, string> IdOf { get; init; }

    public FilterLimits Limits { get; init; } = FilterLimits.Default;

    public ResourcePage Run(ResourceQuery query, int maxResults, Func<T, FilterNode?, JsonObject> render, AttributeProjection projection)
    {
        var filter = string.IsNullOrWhiteSpace(query.Filter) ? null : FilterParser.Parse(query.Filter, Schemas, Limits);
        var comparer = ResourceSortComparer.Create(query.SortBy, query.SortOrder, Schemas, Limits);
        var (start, take) = query.Paging(maxResults);
        if (filter is null && comparer is null)
        {
            var items = take == 0 ? [] : Page(start - 1, take);
            return new ResourcePage(Count(), start, items.Select(r => projection.Apply(render(r, null))).ToList());
        }

        var hint = filter is null ? null : FilterIndexHint.TryExtract(filter);
        return comparer is null
            ? InIdOrder(Source(hint), filter, start, take, render, projection)
            : Sorted(() => Source(hint), filter, comparer, start, take, render, projection);
    }

    /// <summary>Candidates from an index are few and come in index order; a scan is already in id order.</summary>
    private IEnumerable<T> Source(FilterIndexHint? hint) =>
        hint is null ? All() : Candidates(hint).OrderBy(IdOf, StringComparer.Ordinal);

    private ResourcePage InIdOrder(
        IEnumerable<T> source, FilterNode? filter, int start, int take, Func<T, FilterNode?, JsonObject> render, AttributeProjection projection)
    {
        var total = 0;
        var page = new List<JsonObject>(Math.Min(take, 1_024));
        foreach (var record in source)
        {
            var json = render(record, filter);
            if (filter is not null && !FilterEvaluator.Matches(filter, json, Schemas))
            {
                continue;
            }

            total++;
            if (total >= start && page.Count < take)
            {
                page.Add(projection.Apply(json));
            }
        }

        return new ResourcePage(total, start, page);
    }

    private ResourcePage Sorted(
        Func<IEnumerable<T>> source,
        FilterNode? filter,
        ResourceSortComparer comparer,
        int start,
        int take,
        Func<T, FilterNode?, JsonObject> render,
        AttributeProjection projection)
    {
        // The best `keep` keys so far, worst on top, so the heap never holds more than the pages up to this one.
        var keep = take == 0 ? 0 : (int)Math.Min((long)start - 1 + take, int.MaxValue);
        var best = new PriorityQueue<JsonObject, JsonObject>(Comparer<JsonObject>.Create((a, b) => comparer.Compare(b, a)));
        var total = 0;
        foreach (var record in source())
        {
            var json = render(record, filter);
            if (filter is not null && !FilterEvaluator.Matches(filter, json, Schemas))
            {
                continue;
            }

            total++;
            if (keep == 0)
            {
                continue;
            }

            if (best.Count < keep)
            {
                var key = comparer.SortKey(json);
                best.Enqueue(key, key);
            }
            else if (comparer.Compare(json, best.Peek()) < 0)
            {
                var key = comparer.SortKey(json);
                best.EnqueueDequeue(key, key);
            }
        }

        var ordered = new List<JsonObject>(best.Count);
        while (best.Count > 0)
        {
            ordered.Add(best.Dequeue());
        }

        ordered.Reverse();
        var pageIds = ordered.Skip(start - 1).Select(Id).OfType<string>().ToList();
        if (pageIds.Count == 0)
        {
            return new ResourcePage(total, start, []);
        }

        // Second pass: render only the page's resources, in the sorted order.
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var page = new JsonObject?[pageIds.Count];
        foreach (var record in source())
        {
            if (position.TryGetValue(IdOf(record), out var at))
            {
                page[at] = projection.Apply(render(record, filter));
            }
        }

        return new ResourcePage(total, start, page.OfType<JsonObject>().ToList());
    }

    private static string? Id(JsonObject resource) =>
        resource["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
