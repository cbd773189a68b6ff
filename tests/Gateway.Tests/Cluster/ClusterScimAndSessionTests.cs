using System.Text.Json;
using System.Text.RegularExpressions;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>Issue #13: SCIM writes and browser sessions across nodes of one cluster.</summary>
public sealed partial class ClusterScimAndSessionTests(GatewayCluster cluster) : IClassFixture<GatewayCluster>
{
    [PostgreSqlFact]
    public async Task The_same_userName_created_at_once_on_two_nodes_gives_one_201_and_one_409()
    {
        var scimToken = await cluster.IssueServiceTokenAsync("Cluster Okta Race", "okta", scim: true);
        var userName = $"race-{Guid.NewGuid():N}@example.com";
        using var first = cluster.Client(0, scimToken);
        using var second = cluster.Client(1, scimToken);
        using var start = new Barrier(2);

        var statuses = await Task.WhenAll(new[] { first, second }.Select(client => Task.Run(async () =>
        {
            start.SignalAndWait();
            using var response = await client.PostAsync("/api/scim/v2/Users", ClusterRevocationTests.ScimJson(User(userName)));
            var body = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, body);
        })));

        Assert.Single(statuses, s => s.Item1 == 201);
        var conflict = Assert.Single(statuses, s => s.Item1 == 409);
        Assert.Contains("uniqueness", conflict.body, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Twenty_parallel_member_adds_spread_over_the_nodes_lose_none()
    {
        var scimToken = await cluster.IssueServiceTokenAsync("Cluster Okta Members", "okta", scim: true);
        using var node0 = cluster.Client(0, scimToken);
        var userIds = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var created = await node0.PostAsync("/api/scim/v2/Users", ClusterRevocationTests.ScimJson(User($"member-{i}-{Guid.NewGuid():N}@example.com")));
            userIds.Add((await created.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        using var group = await node0.PostAsync("/api/scim/v2/Groups", ClusterRevocationTests.ScimJson(new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            displayName = $"cluster-{Guid.NewGuid():N}",
        }));
        var groupId = (await group.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var clients = Enumerable.Range(0, GatewayCluster.NodeCount).Select(n => cluster.Client(n, scimToken)).ToArray();
        try
        {
            var statuses = await Task.WhenAll(userIds.Select((userId, i) => Task.Run(async () =>
            {
                using var response = await clients[i % clients.Length].PatchAsync($"/api/scim/v2/Groups/{groupId}", ClusterRevocationTests.ScimJson(new
                {
                    schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
                    Operations = new[] { new { op = "add", path = "members", value = new[] { new { value = userId } } } },
                }));
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            })));
            Assert.All(statuses, s => Assert.True(s.Item1 is 200 or 204, $"a member add answered {s.Item1}: {s.Item2}"));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        using var read = await cluster.Client(2, scimToken).GetAsync($"/api/scim/v2/Groups/{groupId}");
        var members = (await read.ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("value").GetString()!).ToHashSet();
        Assert.Equal(userIds.ToHashSet(), members);
    }

    [PostgreSqlFact]
    public async Task A_session_cookie_issued_by_one_node_works_on_another()
    {
        var userName = $"browser-{Guid.NewGuid():N}";
        await cluster.CliAsync("users", "add", "--user-name", userName, "--role", "Admin");
        var token = await cluster.CliAsync("tokens", "issue", "--user", userName, "--name", "browser", "--expires-in-days", "30");
        var cookies = new CookieContainer();
        using var onA = Browser(0, cookies);
        using var onB = Browser(1, cookies);

        var page = await onA.GetStringAsync("/login");
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "The sign-in form has no antiforgery field.");
        using var signedIn = await onA.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = WebUtility.HtmlDecode(antiforgery.Groups["value"].Value),
            ["token"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var tokensPageOnB = await onB.GetAsync("/settings/tokens");
        Assert.Equal(HttpStatusCode.OK, tokensPageOnB.StatusCode);
    }

    private HttpClient Browser(int node, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = cluster.Nodes[node].Address,
        };

    private static object User(string userName) => new
    {
        schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
        userName,
        name = new { givenName = "Clus", familyName = "Ter" },
        emails = new[] { new { value = userName, type = "work", primary = true } },
        active = true,
    };

    [GeneratedRegex("<input[^>]*name=\"(?<name>__RequestVerificationToken)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
