using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>A cluster whose nodes keep validated tokens for 4 s once the database is away.</summary>
public sealed class ShortGraceGatewayCluster() : GatewayCluster(new Dictionary<string, string>
{
    ["Storage__PostgreSql__GraceSeconds"] = DatabaseAwayTests.GraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
});

/// <summary>
/// Issue #13, "When PostgreSQL is away": the link between the nodes and the database is cut (every connection reset,
/// new ones refused), then restored. A node keeps proxying for tokens it validated, within the grace window only;
/// answers 503 with Retry-After to what it cannot decide; reports not ready; and recovers by itself.
/// </summary>
public sealed class DatabaseAwayTests(ShortGraceGatewayCluster cluster) : IClassFixture<ShortGraceGatewayCluster>
{
    /// <summary>The grace window the nodes of this class run with.</summary>
    public const int GraceSeconds = 4;

    [PostgreSqlFact]
    public async Task While_the_database_is_away_validated_tokens_work_within_the_grace_window_others_get_503_and_the_node_recovers_alone()
    {
        await cluster.WaitUntilAllListenAsync();
        var known = await cluster.IssueServiceTokenAsync("Away Known", "known", role: "Member");
        var unknown = await cluster.IssueServiceTokenAsync("Away Unknown", "unknown", role: "Member");
        var scimToken = await cluster.IssueServiceTokenAsync("Away Okta", "okta", scim: true);
        using var knownClient = cluster.Client(0, known);
        using var unknownClient = cluster.Client(0, unknown);
        using var scim = cluster.Client(0, scimToken);
        using var anonymous = cluster.Client(0, null);
        Assert.Equal(HttpStatusCode.OK, (await knownClient.GetAsync("/api/datastores")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);

        cluster.Link.Cut();
        try
        {
            // Within the grace window: the token this node validated still proxies.
            using (var inGrace = await knownClient.GetAsync("/api/datastores"))
            {
                Assert.Equal(HttpStatusCode.OK, inGrace.StatusCode);
            }

            // What the node cannot decide without the database: 503 with Retry-After, never 401 or 500.
            using (var miss = await unknownClient.GetAsync("/api/datastores"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, miss.StatusCode);
                Assert.NotNull(miss.Headers.RetryAfter);
            }

            using (var scimCall = await scim.GetAsync("/api/scim/v2/Users?count=1"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, scimCall.StatusCode);
                Assert.NotNull(scimCall.Headers.RetryAfter);
            }

            using (var ready = await anonymous.GetAsync("/healthz/ready"))
            {
                Assert.NotEqual(HttpStatusCode.OK, ready.StatusCode);
            }

            // Past the grace window the cached token is refused too (503: still undecidable, not invalid).
            await Task.Delay(TimeSpan.FromSeconds(GraceSeconds + 1));
            using (var pastGrace = await knownClient.GetAsync("/api/datastores"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, pastGrace.StatusCode);
                Assert.NotNull(pastGrace.Headers.RetryAfter);
            }
        }
        finally
        {
            cluster.Link.Restore();
        }

        // Recovery without a restart: ready again, and the token it never saw validates from the store.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var ready = await anonymous.GetAsync("/healthz/ready");
            using var call = await unknownClient.GetAsync("/api/datastores");
            if (ready.StatusCode == HttpStatusCode.OK && call.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not recovered within 30 s: ready {(int)ready.StatusCode}, call {(int)call.StatusCode}\n{cluster.Nodes[0].Output}");
            await Task.Delay(200);
        }

        await cluster.WaitUntilAllListenAsync();
    }
}
