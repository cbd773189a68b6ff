using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// Issue #13: change_log seqs are drawn when a change is written but seen when its transaction commits, so two
/// nodes' changes can commit out of seq order (found by ClusterKilledDuringProvisioningTests: a deletion on one node
/// committed after a later-numbered change, and another node, already past that number, kept accepting the deleted
/// person's token). A revoke held open in a transaction while a later-numbered revoke commits and is applied must
/// still reach every node within 1 s of its own commit.
/// </summary>
public sealed class ClusterChangeOrderTests(GatewayCluster cluster) : IClassFixture<GatewayCluster>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [PostgreSqlFact]
    public async Task A_revoke_committed_after_a_later_numbered_change_is_still_seen_by_every_node_within_one_second()
    {
        await cluster.WaitUntilAllListenAsync();
        var admin = await cluster.IssueServiceTokenAsync("Order Admin", "admin");
        var slow = await cluster.IssueServiceTokenAsync("Order Slow", "slow", role: "Member");
        var fast = await cluster.IssueServiceTokenAsync("Order Fast", "fast", role: "Member");
        var slowId = await TokenIdAsync(admin, "slow");
        var fastId = await TokenIdAsync(admin, "fast");
        await ExpectOnEveryNodeAsync(slow, HttpStatusCode.OK, "before any change");
        await ExpectOnEveryNodeAsync(fast, HttpStatusCode.OK, "before any change");

        // The slow revoke draws its seq first and stays uncommitted, the way a long transaction on another node does.
        await using var connection = await cluster.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var revoke = new Npgsql.NpgsqlCommand(
            "UPDATE tokens SET revoked_at = now(), revoked_by = 'order-test', revoked_by_kind = 'Service', revoked_by_role = 'Admin', version = version + 1 WHERE id = $1",
            connection, transaction))
        {
            revoke.Parameters.Add(new() { Value = slowId });
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync());
        }

        // A later-numbered revoke commits, and every node applies it (so each has read past the slow one's seq).
        using (var client = cluster.Client(0, admin))
        {
            using var response = await client.PutAsJsonAsync($"/api/user-tokens/{fastId}", new { revoke = true });
            Assert.True(response.IsSuccessStatusCode, $"revoke: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await Task.Delay(Bound);
        await ExpectOnEveryNodeAsync(fast, HttpStatusCode.Unauthorized, "one second after the later-numbered revoke");
        await ExpectOnEveryNodeAsync(slow, HttpStatusCode.OK, "while the slow revoke is uncommitted");

        await transaction.CommitAsync();
        await Task.Delay(Bound);
        await ExpectOnEveryNodeAsync(slow, HttpStatusCode.Unauthorized, "one second after the slow revoke committed");
    }

    private async Task<string> TokenIdAsync(string admin, string name)
    {
        using var client = cluster.Client(0, admin);
        using var list = await client.GetAsync("/api/user-tokens/service");
        return (await list.ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == name)
            .GetProperty("id").GetString()!;
    }

    private async Task ExpectOnEveryNodeAsync(string token, HttpStatusCode expected, string when)
    {
        for (var node = 0; node < GatewayCluster.NodeCount; node++)
        {
            using var client = cluster.Client(node, token);
            using var response = await client.GetAsync("/api/datastores");
            Assert.True(expected == response.StatusCode, $"node {node} answered {(int)response.StatusCode}, not {(int)expected}, {when}");
        }
    }
}
