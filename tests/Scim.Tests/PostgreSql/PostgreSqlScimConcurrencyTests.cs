using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Schemas;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Storage.PostgreSql;
using ScimGateway.Scim.Users;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Scim.Tests.PostgreSql;

/// <summary>
/// Several nodes on one database, each with a data source (connection pool) and stores of its own, as separate gateway
/// processes have: what only the database can keep right, the in-process write lock cannot.
/// </summary>
public sealed class PostgreSqlScimConcurrencyTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 30, 15, 250, DateTimeKind.Utc);

    [PostgreSqlFact]
    public async Task SameUserName_CreatedAtOnceOnTwoNodes_OneWins_OtherGetsDuplicate()
    {
        await using var database = await MigratedAsync();
        await using var nodeA = NpgsqlDataSource.Create(database.ConnectionString);
        await using var nodeB = NpgsqlDataSource.Create(database.ConnectionString);
        var users = new[] { new PostgreSqlScimUserStore(nodeA), new PostgreSqlScimUserStore(nodeB) };

        for (var round = 0; round < 10; round++)
        {
            using var start = new Barrier(2);
            var outcomes = await Task.WhenAll(users.Select((store, node) => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    store.Insert(User($"u{round}{node}", node == 0 ? $"race{round}@example.com" : $"RACE{round}@Example.com"));
                    return true;
                }
                catch (DuplicateUserNameException)
                {
                    return false;
                }
            })));

            Assert.Single(outcomes, won => won);
        }

        Assert.Equal(10, users[1].Count());
    }

    [PostgreSqlFact]
    public async Task TwentyParallelMemberAdds_FromSeveralNodes_LoseNone_AndVersionsNeverRepeat()
    {
        await using var database = await MigratedAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var seed = new PostgreSqlScimUserStore(nodes[0]);
            var members = Enumerable.Range(0, 20).Select(n => User($"m{n:D2}", $"member{n:D2}@example.com")).ToList();
            seed.InsertMany(members);
            var group = Group("g1", "Parallel");
            new PostgreSqlScimGroupStore(nodes[0]).Insert(group, [], []);

            using var start = new Barrier(members.Count);
            await Task.WhenAll(members.Select((member, n) => Task.Run(() =>
            {
                var groups = new PostgreSqlScimGroupStore(nodes[n % nodes.Count]);
                start.SignalAndWait();
                AddAsTheResourceLayerDoes(groups, group.Id, member);
            })));

            var reader = new PostgreSqlScimGroupStore(nodes[1]);
            Assert.Equal(members.Select(m => m.Id), reader.MembersOf(group.Id).Select(m => m.MemberId).Order(StringComparer.Ordinal));

            // Each add wrote the version it read plus one, compare-and-set: 20 adds, 20 versions.
            Assert.Equal(21, reader.FindById(group.Id)!.Version);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [PostgreSqlFact]
    public async Task UserUpdate_FromAStaleRead_OnAnotherNode_IsAConflict_NotALostUpdate()
    {
        await using var database = await MigratedAsync();
        await using var nodeA = NpgsqlDataSource.Create(database.ConnectionString);
        await using var nodeB = NpgsqlDataSource.Create(database.ConnectionString);
        var storeA = new PostgreSqlScimUserStore(nodeA);
        var storeB = new PostgreSqlScimUserStore(nodeB);
        var alice = User("a", "alice@example.com");
        storeA.Insert(alice);

        var readByA = storeA.FindById(alice.Id)!;
        var readByB = storeB.FindById(alice.Id)!;
        Assert.True(storeB.Update(Renamed(readByB, "By B"), readByB.Version));

        Assert.Throws<ScimVersionConflictException>(() => storeA.Update(Renamed(readByA, "By A"), readByA.Version));
        Assert.Equal(("By B", 2L), (storeA.FindById(alice.Id)!.DisplayName, storeA.FindById(alice.Id)!.Version));
    }

    [PostgreSqlFact]
    public async Task Outbox_TwoNodes_NeverHandOutTheSameEventAtOnce_AndCompletingTwiceIsHarmless()
    {
        await using var database = await MigratedAsync();
        await using var nodeA = NpgsqlDataSource.Create(database.ConnectionString);
        await using var nodeB = NpgsqlDataSource.Create(database.ConnectionString);
        var users = new PostgreSqlScimUserStore(nodeA);
        var people = Enumerable.Range(0, 6).Select(n => User($"o{n}", $"outbox{n}@example.com")).ToList();
        users.InsertMany(people);
        foreach (var person in people)
        {
            users.Delete(person.Id, Now);
        }

        var outboxA = new PostgreSqlProvisioningOutbox(nodeA);
        var outboxB = new PostgreSqlProvisioningOutbox(nodeB);
        var claimedByA = outboxA.Pending(4);
        var claimedByB = outboxB.Pending(10);

        Assert.Equal(4, claimedByA.Count);
        Assert.Equal(2, claimedByB.Count);
        Assert.Empty(claimedByA.Select(p => p.Sequence).Intersect(claimedByB.Select(p => p.Sequence)));

        // A node sees its own claims again (a failed delivery is retried by it); completing is idempotent.
        Assert.Equal(claimedByA.Select(p => p.Sequence), outboxA.Pending(10).Select(p => p.Sequence));
        Assert.True(outboxB.Complete(claimedByA[0].Sequence));
        Assert.False(outboxA.Complete(claimedByA[0].Sequence));
    }

    [PostgreSqlFact]
    public async Task Outbox_ClaimOfANodeThatStopped_EndsWithItsLease_ThenAnotherNodeDelivers()
    {
        await using var database = await MigratedAsync();
        var users = new PostgreSqlScimUserStore(database.DataSource);
        var alice = User("a", "alice@example.com");
        users.Insert(alice);
        users.Delete(alice.Id, Now);
        var stopped = new PostgreSqlProvisioningOutbox(database.DataSource);
        Assert.Single(stopped.Pending(10));
        var survivor = new PostgreSqlProvisioningOutbox(database.DataSource);
        Assert.Empty(survivor.Pending(10));

        await using (var expire = database.DataSource.CreateCommand("UPDATE scim_outbox SET claimed_until = now() - interval '1 second'"))
        {
            await expire.ExecuteNonQueryAsync();
        }

        Assert.Equal([new ProvisioningEvent(ProvisioningEventKind.Deleted, alice.Id)], survivor.Pending(10).Select(p => p.Event));
    }

    [PostgreSqlTheory]
    [InlineData("SELECT * FROM scim_users WHERE user_name_key = 'USER00042@EXAMPLE.COM'", "scim_users_user_name_key_unique")]
    [InlineData("SELECT * FROM scim_users WHERE email_keys @> ARRAY['USER00042@EXAMPLE.COM']::text[]", "scim_users_email_keys")]
    [InlineData("SELECT * FROM scim_users WHERE external_id = 'x'", "scim_users_external_id")]
    [InlineData("SELECT member_id FROM scim_memberships WHERE group_id = 'g' AND member_id = 'm'", "scim_memberships_pkey")]
    [InlineData("SELECT group_id FROM scim_memberships WHERE member_id = 'm'", "scim_memberships_member_id")]
    public async Task Lookups_UseTheirIndex_NotAScan(string query, string index)
    {
        await using var database = await MigratedAsync();
        var users = new PostgreSqlScimUserStore(database.DataSource);
        var people = Enumerable.Range(0, 2000).Select(n => User($"i{n:D5}", $"user{n:D5}@example.com",
            r => r["emails"] = new JsonArray(new JsonObject { ["value"] = $"user{n:D5}@example.com" }))).ToList();
        users.InsertMany(people);
        var groups = new PostgreSqlScimGroupStore(database.DataSource);
        for (var n = 0; n < 4; n++)
        {
            groups.Insert(Group($"ig{n}", $"Indexed {n}"), people.Select(p => new ScimMembershipRecord { MemberId = p.Id, Display = p.UserName }).ToList(), []);
        }

        await using (var analyze = database.DataSource.CreateCommand("ANALYZE"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        await using var explain = database.DataSource.CreateCommand("EXPLAIN " + query);
        var plan = string.Join('\n', await ReadAllAsync(explain));

        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    /// <summary>What ScimGroups does for a PATCH add (without its lock, which does not span nodes): read, apply, retry on conflict.</summary>
    private static void AddAsTheResourceLayerDoes(PostgreSqlScimGroupStore groups, string groupId, ScimUserRecord member)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = groups.FindById(groupId)!;
            try
            {
                groups.ApplyMembers(groupId, [member.Id], [], false, _ => MemberInfo.Of(member), delta =>
                {
                    var next = Group(current.Id, current.DisplayName);
                    next.Version = current.Version + 1;
                    return new GroupWrite(next, ProvisioningEvent.Changed(delta.Added)) { ExpectedVersion = current.Version };
                });
                return;
            }
            catch (ScimVersionConflictException) when (attempt < 200)
            {
                Thread.Sleep(Random.Shared.Next(1, 10));
            }
        }
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static async Task<PostgreSqlDatabase> MigratedAsync()
    {
        var database = await PostgreSqlDatabase.CreateAsync();
        await new PostgreSqlMigrator(database.DataSource, MigrationScripts.Load(MigrationModule.All), TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return database;
    }

    private static ScimUserRecord Renamed(ScimUserRecord user, string displayName)
    {
        var resource = JsonNode.Parse(user.Resource)!.AsObject();
        resource["displayName"] = displayName;
        return ScimUserRecords.Create(user.Id, resource, user.Created, Now, user.Version + 1);
    }

    private static ScimUserRecord User(string suffix, string userName, Action<JsonObject>? shape = null)
    {
        var resource = new JsonObject { ["schemas"] = new JsonArray(ScimUrns.User), ["userName"] = userName, ["active"] = true };
        shape?.Invoke(resource);
        return ScimUserRecords.Create(Id(suffix), resource, Now, Now, 1);
    }

    private static ScimGroupRecord Group(string suffix, string name) => new()
    {
        Id = suffix.Length == 36 ? suffix : Id(suffix),
        DisplayName = name,
        DisplayNameKey = ScimGroupRecord.KeyOf(name),
        Resource = new JsonObject { ["displayName"] = name }.ToJsonString(),
        Version = 1,
        Created = Now,
        LastModified = Now,
    };

    private static string Id(string suffix) => "01990000-0000-7000-8000-" + suffix.PadLeft(12, '0');
}
