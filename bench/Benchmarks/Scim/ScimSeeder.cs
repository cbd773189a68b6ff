using System.Text.Json.Nodes;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Users;

namespace ScimGateway.Benchmarks.Scim;

/// <summary>Fills the stores directly (bulk inserts in transactions), not through HTTP.</summary>
internal static class ScimSeeder
{
    public static List<string> SeedUsers(IScimUserStore users, int count, DateTime now)
    {
        var ids = new List<string>(count);
        const int Batch = 5_000;
        for (var start = 0; start < count; start += Batch)
        {
            var batch = new List<ScimUserRecord>(Batch);
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var id = Guid.CreateVersion7(new DateTimeOffset(now).AddMilliseconds(i)).ToString();
                ids.Add(id);
                batch.Add(ScimUserRecords.Create(id, User(i), now, now, 1));
            }

            users.InsertMany(batch);
        }

        return ids;
    }

    public static string SeedGroup(IScimGroupStore groups, string name, IEnumerable<string> memberIds, DateTime now)
    {
        var id = Guid.CreateVersion7(now).ToString();
        groups.Insert(new ScimGroupRecord
        {
            Id = id,
            DisplayName = name,
            DisplayNameKey = ScimGroupRecord.KeyOf(name),
            Resource = new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"), ["displayName"] = name }.ToJsonString(),
            Version = 1,
            Created = now,
            LastModified = now,
        }, [], []);
        groups.InsertMembers(id, memberIds.Select(m => new ScimMembershipRecord { MemberId = m, MemberType = MemberTypes.User }).ToList());
        return id;
    }

    public static string UserName(int i) => $"user{i:D6}@bench.example.com";

    private static JsonObject User(int i) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
        ["userName"] = UserName(i),
        ["externalId"] = $"ext-{i}",
        ["name"] = new JsonObject { ["givenName"] = $"Given{i}", ["familyName"] = $"Family{i}", ["formatted"] = $"Given{i} Family{i}" },
        ["displayName"] = $"Given{i} Family{i}",
        ["emails"] = new JsonArray(new JsonObject { ["value"] = UserName(i), ["type"] = "work", ["primary"] = true }),
        ["active"] = true,
        ["title"] = i % 7 == 0 ? "Engineer" : "Analyst",
        ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["department"] = $"Dept{i % 50}", ["employeeNumber"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
