using System.Collections.Concurrent;
using ScimGateway.Scim.Provisioning;
using ScimGateway.TestSupport.PostgreSql;
using Xunit.Abstractions;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// Issue #13: a node killed with SIGKILL during provisioning loses nothing that was acknowledged, even if it never
/// comes back. The PostgreSQL version of Provisioning/KilledDuringProvisioningTests: deactivations and deletions are
/// spread over the three nodes, node 0 is killed mid-way, and the surviving nodes must show every acknowledged change,
/// refuse the tokens of every person no longer active within 1 s, and deliver the provisioning events the dead node
/// left in the shared outbox (its outbox sweep, <c>Scim:OutboxSweepSeconds</c>); the killed node then comes back clean.
/// </summary>
public sealed class ClusterKilledDuringProvisioningTests(GatewayCluster cluster, ITestOutputHelper output) : IClassFixture<GatewayCluster>
{
    private const string Scim = "/api/scim/v2";
    private const int People = 12;
    private const int Killed = 0;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    // The dead node's claim on the events it read lasts 30 s (PostgreSqlProvisioningOutbox.ClaimFor), then a
    // survivor's sweep (every 5 s by default) delivers them: 60 s leaves room for a slow machine.
    private static readonly TimeSpan OutboxDrained = TimeSpan.FromSeconds(60);

    private enum PersonState
    {
        Active,
        Inactive,
        Deleted,
    }

    [PostgreSqlFact]
    public async Task A_node_killed_mid_provisioning_loses_nothing_acknowledged_and_the_survivors_finish_its_work()
    {
        await cluster.WaitUntilAllListenAsync();
        var scimToken = await cluster.IssueServiceTokenAsync("Killed Okta", "okta", scim: true);
        var ids = new List<string>();
        using (var scim = cluster.Client(1, scimToken))
        {
            for (var i = 0; i < People; i++)
            {
                ids.Add(await CreateUserAsync(scim, UserName(i)));
            }
        }

        var tokens = new List<string>();
        foreach (var batch in Enumerable.Range(0, People).Chunk(4))
        {
            tokens.AddRange(await Task.WhenAll(batch.Select(i =>
                cluster.CliAsync("tokens", "issue", "--user", UserName(i), "--name", "laptop", "--expires-in-days", "30"))));
        }

        // Every node validates every token first, so the survivors answer from caches the change must reach.
        for (var i = 0; i < People; i++)
        {
            for (var node = 0; node < GatewayCluster.NodeCount; node++)
            {
                Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(node, tokens[i]));
            }
        }

        var acknowledged = await DeleteAndDeactivateThenKillAsync(scimToken, ids);
        output.WriteLine($"acknowledged {acknowledged.Count} of {People}; events pending right after the kill: {await PendingEventsAsync()}");
        await Task.Delay(Bound);

        var states = await CheckSurvivorsAsync(scimToken, ids, tokens, acknowledged);

        // Nobody restarts the dead node: the survivors must deliver what it left (a deleted person's tokens deleted).
        var deletedIds = ids.Where((_, i) => states[i] == PersonState.Deleted).ToList();
        var deadline = DateTime.UtcNow + OutboxDrained;
        while (await PendingEventsAsync() > 0 || await TokensOwnedByAsync(deletedIds) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"{await PendingEventsAsync()} events still pending and {await TokensOwnedByAsync(deletedIds)} tokens of deleted people left {OutboxDrained.TotalSeconds} s after the kill");
            await Task.Delay(250);
        }

        // The killed node comes back clean: ready, and it agrees with the survivors on every person and token.
        await cluster.RestartAsync(Killed);
        using (var anonymous = cluster.Client(Killed, null))
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        }

        using var restarted = cluster.Client(Killed, scimToken);
        for (var i = 0; i < People; i++)
        {
            Assert.Equal(states[i], await StateAsync(restarted, ids[i]));
            Assert.Equal(ExpectedTokenStatus(states[i]), await TokenStatusAsync(Killed, tokens[i]));
        }

        Assert.Equal(0, await PendingEventsAsync());
    }

    [PostgreSqlFact]
    public async Task A_deletion_a_dead_node_left_claimed_in_the_outbox_is_delivered_by_another_node_once_the_claim_lapses()
    {
        var scimToken = await cluster.IssueServiceTokenAsync("Stranded Okta", "okta", scim: true);
        string id;
        using (var scim = cluster.Client(1, scimToken))
        {
            id = await CreateUserAsync(scim, $"stranded-{Guid.NewGuid():N}@example.com");
            using var read = await scim.GetAsync($"{Scim}/Users/{id}");
            var userName = (await read.ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("userName").GetString()!;
            await cluster.CliAsync("tokens", "issue", "--user", userName, "--name", "laptop", "--expires-in-days", "30");
        }

        Assert.Equal(1, await TokensOwnedByAsync([id]));

        // What SIGKILL between a SCIM delete's commit and its delivery leaves: the person gone, the deletion pending
        // in the same transaction, and claimed (for 2 s more) by a node that no longer exists.
        await using (var batch = cluster.Database.DataSource.CreateBatch())
        {
            // One batch is one transaction: the deletion and its pending event commit together, as the store writes them.
            batch.BatchCommands.Add(new("DELETE FROM scim_users WHERE id = $1") { Parameters = { new() { Value = id } } });
            batch.BatchCommands.Add(new(
                "INSERT INTO scim_outbox (kind, user_id, claimed_by, claimed_until) VALUES ($1, $2, gen_random_uuid(), now() + interval '2 seconds')")
            {
                Parameters = { new() { Value = (short)ProvisioningEventKind.Deleted }, new() { Value = id } },
            });
            Assert.Equal(2, await batch.ExecuteNonQueryAsync());
        }

        // No SCIM write and no restart follows: only the sweep can deliver it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PendingEventsAsync() > 0 || await TokensOwnedByAsync([id]) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the stranded deletion was not delivered within 30 s");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Deletes the even people and deactivates the odd ones, all at once, request i on node i % 3, and kills node 0
    /// with SIGKILL as soon as the first answer arrives; returns which were acknowledged (2xx).
    /// </summary>
    private async Task<ConcurrentDictionary<int, bool>> DeleteAndDeactivateThenKillAsync(string scimToken, List<string> ids)
    {
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var clients = Enumerable.Range(0, GatewayCluster.NodeCount).Select(n => cluster.Client(n, scimToken)).ToArray();
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var requests = Enumerable.Range(0, People).Select(i => Task.Run(async () =>
            {
                var client = clients[i % clients.Length];
                try
                {
                    using var response = i % 2 == 0
                        ? await client.DeleteAsync($"{Scim}/Users/{ids[i]}")
                        : await client.PatchAsync($"{Scim}/Users/{ids[i]}", Deactivation());
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[i] = true;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // Cut off by the kill: not acknowledged, so either outcome is allowed.
                }
                finally
                {
                    firstAnswer.TrySetResult();
                }
            })).ToList();
            await firstAnswer.Task;
            await cluster.Nodes[Killed].KillAsync();
            await Task.WhenAll(requests);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        // Requests to the surviving nodes cannot have been cut off.
        for (var i = 0; i < People; i++)
        {
            Assert.True(i % GatewayCluster.NodeCount == Killed || acknowledged.ContainsKey(i), $"person {i}'s request to a surviving node was not acknowledged");
        }

        return acknowledged;
    }

    /// <summary>
    /// Both survivors agree on each person's state; an acknowledged change holds; a person no longer active cannot use
    /// their token on either survivor (one second after the changes), an active one still can.
    /// </summary>
    private async Task<PersonState[]> CheckSurvivorsAsync(string scimToken, List<string> ids, List<string> tokens, ConcurrentDictionary<int, bool> acknowledged)
    {
        var states = new PersonState[People];
        using var first = cluster.Client(1, scimToken);
        using var second = cluster.Client(2, scimToken);
        for (var i = 0; i < People; i++)
        {
            states[i] = await StateAsync(first, ids[i]);
            Assert.Equal(states[i], await StateAsync(second, ids[i]));
            if (acknowledged.ContainsKey(i))
            {
                Assert.Equal(i % 2 == 0 ? PersonState.Deleted : PersonState.Inactive, states[i]);
            }

            for (var node = 1; node < GatewayCluster.NodeCount; node++)
            {
                var status = await TokenStatusAsync(node, tokens[i]);
                Assert.True(ExpectedTokenStatus(states[i]) == status,
                    $"node {node} answered {(int)status}, not {(int)ExpectedTokenStatus(states[i])}, for person {i} ({states[i]}) one second after the changes");
            }
        }

        return states;
    }

    private static HttpStatusCode ExpectedTokenStatus(PersonState state) =>
        state == PersonState.Active ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;

    private async Task<HttpStatusCode> TokenStatusAsync(int node, string token)
    {
        using var client = cluster.Client(node, token);
        using var response = await client.GetAsync("/api/user-tokens");
        return response.StatusCode;
    }

    private static async Task<PersonState> StateAsync(HttpClient scim, string id)
    {
        using var response = await scim.GetAsync($"{Scim}/Users/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return PersonState.Deleted;
        }

        var body = await response.ExpectJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("active").GetBoolean() ? PersonState.Active : PersonState.Inactive;
    }

    private async Task<long> PendingEventsAsync()
    {
        await using var command = cluster.Database.DataSource.CreateCommand("SELECT count(*) FROM scim_outbox");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> TokensOwnedByAsync(List<string> ownerIds)
    {
        await using var command = cluster.Database.DataSource.CreateCommand("SELECT count(*) FROM tokens WHERE owner_id = ANY($1)");
        command.Parameters.Add(new() { Value = ownerIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> CreateUserAsync(HttpClient scim, string userName)
    {
        using var response = await scim.PostAsync($"{Scim}/Users", ClusterRevocationTests.ScimJson(new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName,
            emails = new[] { new { value = userName, type = "work", primary = true } },
            active = true,
        }));
        return (await response.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static StringContent Deactivation() => ClusterRevocationTests.ScimJson(new
    {
        schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
        Operations = new[] { new { op = "replace", path = "active", value = false } },
    });

    private static string UserName(int i) => $"killed-person{i}@example.com";
}
