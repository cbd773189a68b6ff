using System.Collections.Concurrent;
using ScimGateway.TestSupport.PostgreSql;
using Xunit.Abstractions;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// Issue #13, SCIM across nodes: an <c>If-Match</c> version read on one node holds on the others (the version lives in
/// the shared row, not in a node's memory), and paging through users on one node stays stable while other nodes
/// create and delete users. Users without a filter or <c>sortBy</c> page in id order, and ids are UUIDv7 (creation
/// time first), so a user created during the walk sorts after every user that existed before it.
/// </summary>
public sealed class ClusterScimVersionAndPagingTests(GatewayCluster cluster, ITestOutputHelper output) : IClassFixture<GatewayCluster>
{
    private const string Users = "/api/scim/v2/Users";
    private const string Groups = "/api/scim/v2/Groups";

    [PostgreSqlFact]
    public async Task A_user_PATCH_with_If_Match_wins_on_one_node_and_the_same_stale_version_gets_412_on_another()
    {
        var scimToken = await ScimTokenAsync("user-patch");
        var location = await CreateAsync(scimToken, Users, NewUser($"patch-{Guid.NewGuid():N}@example.com", "Before"));

        await IfMatchAcrossNodesAsync(scimToken, location, HttpMethod.Patch, label => ReplaceDisplayName(label));
    }

    [PostgreSqlFact]
    public async Task A_user_PUT_with_If_Match_wins_on_one_node_and_the_same_stale_version_gets_412_on_another()
    {
        var scimToken = await ScimTokenAsync("user-put");
        var userName = $"put-{Guid.NewGuid():N}@example.com";
        var location = await CreateAsync(scimToken, Users, NewUser(userName, "Before"));

        await IfMatchAcrossNodesAsync(scimToken, location, HttpMethod.Put, label => NewUser(userName, label));
    }

    [PostgreSqlFact]
    public async Task A_group_PATCH_with_If_Match_wins_on_one_node_and_the_same_stale_version_gets_412_on_another()
    {
        var scimToken = await ScimTokenAsync("group-patch");
        var location = await CreateAsync(scimToken, Groups, NewGroup($"before-{Guid.NewGuid():N}"));

        await IfMatchAcrossNodesAsync(scimToken, location, HttpMethod.Patch, label => ReplaceDisplayName(label));
    }

    [PostgreSqlFact]
    public async Task A_group_PUT_with_If_Match_wins_on_one_node_and_the_same_stale_version_gets_412_on_another()
    {
        var scimToken = await ScimTokenAsync("group-put");
        var location = await CreateAsync(scimToken, Groups, NewGroup($"before-{Guid.NewGuid():N}"));

        await IfMatchAcrossNodesAsync(scimToken, location, HttpMethod.Put, label => NewGroup(label));
    }

    [PostgreSqlFact]
    public async Task Paging_on_one_node_while_others_create_and_delete_users_returns_every_earlier_user_exactly_once()
    {
        const int earlierUsers = 45;
        const int pageSize = 7;
        var scimToken = await ScimTokenAsync("paging");
        using var reader = cluster.Client(0, scimToken);
        using var creator = cluster.Client(1, scimToken);
        using var deleter = cluster.Client(2, scimToken);
        for (var i = 0; i < earlierUsers; i++)
        {
            await CreateAsync(scimToken, Users, NewUser($"earlier-{i}-{Guid.NewGuid():N}@example.com", "Earlier"));
        }

        // Every user that exists now (other tests of this class add theirs) must come out of the walk exactly once.
        var before = await AllUserIdsAsync(reader);
        Assert.True(before.Count >= earlierUsers, $"only {before.Count} users before the walk");

        // Node 1 creates a user, then node 2 deletes every other user node 1 created, for as long as the walk runs.
        var created = new ConcurrentQueue<string>();
        var deleted = new ConcurrentBag<string>();
        var writes = 0;
        var posted = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // Counted before the POST: the server may count the new user in a page before this task sees the 201.
                Interlocked.Increment(ref posted);
                using var response = await creator.PostAsync(Users, ClusterRevocationTests.ScimJson(NewUser($"during-{i}-{Guid.NewGuid():N}@example.com", "During")));
                var id = (await response.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
                created.Enqueue(id);
                if (i % 2 == 1)
                {
                    using var gone = await deleter.DeleteAsync($"{Users}/{id}");
                    Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
                    deleted.Add(id);
                }

                Interlocked.Increment(ref writes);
            }
        });

        var seen = new List<string>();
        try
        {
            for (var startIndex = 1; ; startIndex += pageSize)
            {
                // Each page waits for one more write, so the walk and the writes interleave on every page.
                var target = Volatile.Read(ref writes) + 1;
                while (Volatile.Read(ref writes) < target && !writer.IsCompleted)
                {
                    await Task.Delay(5);
                }

                Assert.False(writer.IsFaulted, $"the writer failed: {writer.Exception}");
                using var response = await reader.GetAsync($"{Users}?startIndex={startIndex}&count={pageSize}");
                var page = await response.ExpectJsonAsync(HttpStatusCode.OK);
                var ids = page.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
                var total = page.GetProperty("totalResults").GetInt32();
                Assert.Equal(startIndex, page.GetProperty("startIndex").GetInt32());
                Assert.Equal(ids.Count, page.GetProperty("itemsPerPage").GetInt32());
                Assert.InRange(total, before.Count, before.Count + Volatile.Read(ref posted));
                seen.AddRange(ids);
                if (ids.Count < pageSize)
                {
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        output.WriteLine($"{seen.Count} users in {(seen.Count / pageSize) + 1} pages of {pageSize}; {before.Count} before the walk, {created.Count} created on node 1 and {deleted.Count} of those deleted on node 2 during it");
        Assert.True(!created.IsEmpty && !deleted.IsEmpty, "no writes happened during the walk");
        var duplicates = seen.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"the walk returned {duplicates.Count} users twice: {string.Join(", ", duplicates)}");
        var missing = before.Where(id => !seen.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"the walk missed {missing.Count} of the {before.Count} earlier users: {string.Join(", ", missing)}");
        Assert.All(seen, id => Assert.True(before.Contains(id) || created.Contains(id), $"the walk returned {id}, which nobody created"));
    }

    /// <summary>
    /// Reads the resource's ETag on node 0, writes it with that <c>If-Match</c> on node 1 (which must succeed with a
    /// new version), then sends the same stale <c>If-Match</c> from node 2 (which must answer 412 with a SCIM error
    /// and change nothing): node 1's write is what every node reads afterwards.
    /// </summary>
    private async Task IfMatchAcrossNodesAsync(string scimToken, string location, HttpMethod method, Func<string, object> body)
    {
        using var node0 = cluster.Client(0, scimToken);
        using var node1 = cluster.Client(1, scimToken);
        using var node2 = cluster.Client(2, scimToken);
        using var read = await node0.GetAsync(location);
        var original = await read.ExpectJsonAsync(HttpStatusCode.OK);
        var etag = read.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), "the GET on node 0 sent no ETag");
        Assert.Equal(etag, original.GetProperty("meta").GetProperty("version").GetString());

        var winner = $"winner-{Guid.NewGuid():N}";
        using var accepted = await SendAsync(node1, method, location, body(winner), etag);
        Assert.True(accepted.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent,
            $"{method} with the current If-Match on node 1: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        var newEtag = accepted.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(newEtag), $"the {method} on node 1 sent no ETag");
        Assert.NotEqual(etag, newEtag);

        using var refused = await SendAsync(node2, method, location, body($"loser-{Guid.NewGuid():N}"), etag);
        await refused.ExpectScimErrorAsync(HttpStatusCode.PreconditionFailed);

        foreach (var client in new[] { node0, node2 })
        {
            using var after = await client.GetAsync(location);
            var current = await after.ExpectJsonAsync(HttpStatusCode.OK);
            Assert.Equal(newEtag, after.Headers.ETag?.ToString());
            Assert.Equal(winner, current.GetProperty("displayName").GetString());
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string location, object body, string etag)
    {
        using var request = new HttpRequestMessage(method, location) { Content = ClusterRevocationTests.ScimJson(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private async Task<string> ScimTokenAsync(string label)
    {
        await cluster.WaitUntilAllListenAsync();
        return await cluster.IssueServiceTokenAsync($"Consistency Okta {label}", "okta", scim: true);
    }

    private async Task<string> CreateAsync(string scimToken, string collection, object resource)
    {
        using var client = cluster.Client(0, scimToken);
        using var created = await client.PostAsync(collection, ClusterRevocationTests.ScimJson(resource));
        var id = (await created.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return $"{collection}/{id}";
    }

    private static async Task<HashSet<string>> AllUserIdsAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"{Users}?startIndex=1&count=1000");
        var list = await response.ExpectJsonAsync(HttpStatusCode.OK);
        var ids = list.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(list.GetProperty("totalResults").GetInt32(), ids.Count);
        return ids;
    }

    private static object NewUser(string userName, string displayName) => new
    {
        schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
        userName,
        displayName,
        name = new { givenName = "Page", familyName = "Walker" },
        emails = new[] { new { value = userName, type = "work", primary = true } },
        active = true,
    };

    private static object NewGroup(string displayName) => new
    {
        schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
        displayName,
    };

    private static object ReplaceDisplayName(string value) => new
    {
        schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
        Operations = new[] { new { op = "replace", path = "displayName", value } },
    };
}
