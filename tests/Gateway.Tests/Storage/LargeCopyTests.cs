using System.Diagnostics;
using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Storage.LiteDb;
using ScimGateway.Scim.Users;
using Xunit.Abstractions;

namespace ScimGateway.Gateway.Tests.Storage;

/// <summary>The copy at the scale: 100,000 SCIM users and one group of 50,000 members, seeded through the LiteDB stores.</summary>
public sealed class LargeCopyTests(ITestOutputHelper output)
{
    private const int Users = 100_000;
    private const int Members = 50_000;

    [LargeCopyFact]
    public async Task One_hundred_thousand_users_and_a_fifty_thousand_member_group_copy_with_every_count_equal()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var seeding = Stopwatch.StartNew();
        var ids = Seed(directory.Path);
        output.WriteLine($"seeded {Users} users and a {Members}-member group through the LiteDB stores in {seeding.Elapsed.TotalSeconds:F1} s");

        var copying = Stopwatch.StartNew();
        var copy = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);
        output.WriteLine($"storage copy-to-postgres (process start to exit): {copying.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(copy.StandardError);

        Assert.True(copy.ExitCode == 0, copy.StandardError);
        var counts = await CopyToPostgres.CountPostgreSqlAsync(database.DataSource);
        Assert.Equal(Users, counts["scim_users"]);
        Assert.Equal(Members, counts["scim_memberships"]);
        await using var members = database.DataSource.CreateCommand("SELECT count(*) FROM scim_memberships WHERE group_id = $1");
        members.Parameters.Add(new() { Value = ids.GroupId });
        Assert.Equal((long)Members, await members.ExecuteScalarAsync());
        await using var changes = database.DataSource.CreateCommand("SELECT count(*) FROM change_log");
        Assert.Equal(0L, await changes.ExecuteScalarAsync());
    }

    private static (string GroupId, int Count) Seed(string dataDirectory)
    {
        using var storage = GatewayStorage.Open(dataDirectory);
        var users = new LiteDbScimUserStore(storage.Database);
        var now = DateTime.UtcNow;
        var userIds = new List<string>(Users);
        foreach (var batch in Enumerable.Range(0, Users).Chunk(5_000))
        {
            var records = batch.Select(i =>
            {
                var id = Guid.CreateVersion7().ToString();
                var userName = $"user{i:D6}@example.com";
                return new ScimUserRecord
                {
                    Id = id,
                    UserName = userName,
                    UserNameKey = ScimUserRecord.KeyOf(userName),
                    DisplayName = $"User {i}",
                    DisplayNameKey = $"USER {i}",
                    PrimaryEmail = userName,
                    EmailKeys = [userName.ToUpperInvariant()],
                    Resource = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","name":{"givenName":"User","familyName":"{{i}}"},"emails":[{"value":"{{userName}}","type":"work","primary":true}],"active":true}""",
                    Version = 1,
                    Created = now,
                    LastModified = now,
                };
            }).ToList();
            users.InsertMany(records);
            userIds.AddRange(records.Select(r => r.Id));
        }

        var group = new ScimGroupRecord
        {
            Id = Guid.CreateVersion7().ToString(),
            DisplayName = "Everyone",
            DisplayNameKey = "EVERYONE",
            Resource = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Everyone"}""",
            Version = 1,
            Created = now,
            LastModified = now,
        };
        new LiteDbScimGroupStore(storage.Database).Insert(group,
            [.. userIds.Take(Members).Select(id => new ScimMembershipRecord { MemberId = id, Display = id })], []);
        return (group.Id, userIds.Count);
    }
}
