using ScimGateway.Tokens.Storage.PostgreSql;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>A cluster whose nodes flush usage every second.</summary>
public sealed class FastFlushGatewayCluster() : GatewayCluster(new Dictionary<string, string>
{
    ["Tokens__UsageFlushSeconds"] = "1",
});

/// <summary>Issue #13: usage counts are exact across nodes.</summary>
public sealed class ClusterUsageTests(FastFlushGatewayCluster cluster) : IClassFixture<FastFlushGatewayCluster>
{
    [PostgreSqlFact]
    public async Task Requests_spread_over_three_nodes_are_counted_exactly_once_in_the_rollups_after_flush_and_fold()
    {
        const int requests = 30;
        var token = await cluster.IssueServiceTokenAsync("Cluster Usage", "usage", role: "Member");
        var clients = Enumerable.Range(0, GatewayCluster.NodeCount).Select(n => cluster.Client(n, token)).ToArray();
        try
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
            {
                using var response = await clients[i % clients.Length].GetAsync($"/api/datastores?i={i}");
                return response.StatusCode;
            }));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        var tokenId = (string)(await Scalar("SELECT id FROM tokens WHERE name = 'usage'"))!;

        // Every node flushes within a second or so; wait (bounded) until all of it is in the database, then fold.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountedAsync(tokenId) < requests)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {await CountedAsync(tokenId)} of {requests} requests reached the database within 30 s");
            await Task.Delay(200);
        }

        new PostgreSqlUsageStore(cluster.Database.DataSource).Fold();

        Assert.Equal((long)requests, await Scalar($"SELECT coalesce(sum(success + client_error + server_error), 0)::bigint FROM usage_daily WHERE token_id = '{tokenId}'"));
        Assert.Equal((long)requests, await Scalar($"SELECT coalesce(sum(success + client_error + server_error), 0)::bigint FROM usage_hourly WHERE token_id = '{tokenId}'"));
    }

    // Flushed minutes not folded yet plus what a fold (a node's job or this test) already moved to the daily rollup.
    private async Task<long> CountedAsync(string tokenId) => Convert.ToInt64(await Scalar(
        $"SELECT (SELECT coalesce(sum(success + client_error + server_error), 0) FROM usage_minutes WHERE token_id = '{tokenId}')"
        + $" + (SELECT coalesce(sum(success + client_error + server_error), 0) FROM usage_daily WHERE token_id = '{tokenId}')"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<object?> Scalar(string sql)
    {
        await using var command = cluster.Database.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
