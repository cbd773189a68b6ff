using System.Text.Json.Nodes;
using LiteDB;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;
using ScimGateway.Scim.Storage.LiteDb;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Tests.Resources;

/// <summary>
/// Filters no index answers scan every user of a real LiteDB store; the scan must keep only the page. The probe
/// counts, at the moment the store hands out its last user, how many of the resources rendered so far are still
/// reachable: a runner that collects the matches before paging holds all of them.
/// </summary>
public sealed class QueryRunnerStreamingTests : IDisposable
{
    private const int Users = 5_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("scim-stream-").FullName;
    private readonly LiteDatabase _database;
    private readonly LiteDbScimUserStore _store;
    private readonly List<WeakReference<JsonObject>> _rendered = [];
    private int _reachableAtEnd = -1;

    public QueryRunnerStreamingTests()
    {
        _database = new LiteDatabase(Path.Combine(_directory, "scim.db"));
        _store = new LiteDbScimUserStore(_database);
        var now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
        _store.InsertMany(Enumerable.Range(0, Users).Select(i => ScimUserRecords.Create(
            $"{i:D8}-0000-7000-8000-000000000000",
            new JsonObject
            {
                ["schemas"] = new JsonArray(ScimUrns.User),
                ["userName"] = $"user{i:D5}@example.com",
                ["title"] = i % 2 == 0 ? "Engineer" : "Analyst",
                ["nickName"] = $"n{(i * 7919) % Users:D5}",
                ["active"] = true,
            },
            now,
            now,
            1)).ToList());
    }

    [Theory]
    [InlineData("title pr", null, 1, 10)]
    [InlineData("title eq \"Engineer\"", null, 2_000, 50)]
    [InlineData("title pr", "nickName", 1, 10)]
    [InlineData("title eq \"Analyst\"", "nickName", 1_200, 100)]
    public void UnindexedFilter_KeepsOnlyThePage_AndCountsEveryMatch(string filter, string? sortBy, int start, int count)
    {
        var page = Runner().Run(new ResourceQuery(filter, sortBy, null, start, count), 1_000, Render, AttributeProjection.Parse(null, null, ScimSchemaSet.User));

        var expected = Expected(filter, sortBy);
        Assert.Equal(expected.Count, page.TotalResults);
        Assert.Equal(expected.Skip(start - 1).Take(count), page.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.InRange(_reachableAtEnd, 0, count + 2);
    }

    [Fact]
    public void UnindexedFilter_CountZero_CountsWithoutKeepingAny()
    {
        var page = Runner().Run(new ResourceQuery("title pr", "nickName", null, 1, 0), 1_000, Render, AttributeProjection.Parse(null, null, ScimSchemaSet.User));
        Assert.Equal(Users, page.TotalResults);
        Assert.Empty(page.Resources);
        Assert.InRange(_reachableAtEnd, 0, 2);
    }

    private QueryRunner<ScimUserRecord> Runner() => new()
    {
        Schemas = ScimSchemaSet.User,
        Count = _store.Count,
        Page = _store.Page,
        Candidates = _store.FindCandidates,
        All = () => Probed(_store.All()),
        IdOf = u => u.Id,
    };

    private JsonObject Render(ScimUserRecord user, FilterNode? filter)
    {
        var json = JsonNode.Parse(user.Resource)!.AsObject();
        json["id"] = user.Id;
        _rendered.Add(new WeakReference<JsonObject>(json));
        return json;
    }

    /// <summary>The store's stream, measuring after its last user has been handed out (first pass only).</summary>
    private IEnumerable<ScimUserRecord> Probed(IEnumerable<ScimUserRecord> users)
    {
        foreach (var user in users)
        {
            yield return user;
        }

        if (_reachableAtEnd < 0)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            _reachableAtEnd = _rendered.Count(r => r.TryGetTarget(out _));
        }
    }

    private List<string> Expected(string filter, string? sortBy)
    {
        var parsed = FilterParser.Parse(filter, ScimSchemaSet.User);
        var all = _store.All().Select(u =>
        {
            var json = JsonNode.Parse(u.Resource)!.AsObject();
            json["id"] = u.Id;
            return json;
        }).Where(j => FilterEvaluator.Matches(parsed, j, ScimSchemaSet.User)).ToList();
        var comparer = ResourceSortComparer.Create(sortBy, null, ScimSchemaSet.User);
        all.Sort(comparer is null ? (a, b) => string.CompareOrdinal(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>()) : comparer.Compare);
        return all.Select(j => j["id"]!.GetValue<string>()).ToList();
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
