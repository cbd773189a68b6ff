using System.Text.Json.Nodes;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Schemas;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>
/// What every contract suite shares: the stores under test, opened once per test on an empty database by the
/// engine's subclass, and records to put in them.
/// </summary>
public abstract class ScimStoreContract : IDisposable
{
    /// <summary>A fixed time with whole milliseconds, which every engine keeps.</summary>
    protected static readonly DateTime Now = new(2026, 12, 1, 9, 30, 15, 250, DateTimeKind.Utc);

    private readonly Lazy<ScimStores> _stores;

    /// <summary>Opens the stores on first use (the concurrency tests use them from many threads at once).</summary>
    protected ScimStoreContract() => _stores = new Lazy<ScimStores>(OpenStores, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The stores under test.</summary>
    protected ScimStores Stores => _stores.Value;

    /// <summary>Opens the engine's stores over a new, empty database.</summary>
    protected abstract ScimStores OpenStores();

    /// <summary>Releases the database.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A user record; ids sort in the order of <paramref name="number"/>.</summary>
    protected static ScimUserRecord User(int number, string? userName = null, Action<JsonObject>? shape = null)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.User),
            ["userName"] = userName ?? $"user{number:D4}@example.com",
            ["active"] = true,
        };
        shape?.Invoke(resource);
        return ScimUserRecords.Create(IdOf("u", number), resource, Now, Now, 1);
    }

    /// <summary>A group record; ids sort in the order of <paramref name="number"/>.</summary>
    protected static ScimGroupRecord Group(int number, string? displayName = null, string? externalId = null)
    {
        var name = displayName ?? $"group-{number:D4}";
        return new ScimGroupRecord
        {
            Id = IdOf("g", number),
            DisplayName = name,
            DisplayNameKey = ScimGroupRecord.KeyOf(name),
            ExternalId = externalId,
            Resource = new JsonObject { ["displayName"] = name }.ToJsonString(),
            Version = 1,
            Created = Now,
            LastModified = Now,
        };
    }

    /// <summary>A user membership to insert.</summary>
    protected static ScimMembershipRecord Member(ScimUserRecord user) =>
        new() { MemberId = user.Id, MemberType = MemberTypes.User, Display = MemberInfo.DisplayOf(user) };

    /// <summary>Inserts users and returns them.</summary>
    protected List<ScimUserRecord> InsertUsers(params int[] numbers)
    {
        var users = numbers.Select(n => User(n)).ToList();
        foreach (var user in users)
        {
            Stores.Users.Insert(user);
        }

        return users;
    }

    /// <summary>Inserts a group with user members and no events.</summary>
    protected ScimGroupRecord InsertGroup(int number, params ScimUserRecord[] members)
    {
        var group = Group(number);
        Stores.Groups.Insert(group, members.Select(Member).ToList(), []);
        return group;
    }

    /// <summary>Every pending event, oldest first.</summary>
    protected IReadOnlyList<ProvisioningEvent> PendingEvents() => Stores.Outbox.Pending(int.MaxValue).Select(p => p.Event).ToList();

    /// <summary>Completes every pending event.</summary>
    protected void DrainOutbox()
    {
        foreach (var pending in Stores.Outbox.Pending(int.MaxValue))
        {
            Stores.Outbox.Complete(pending.Sequence);
        }
    }

    /// <summary>The member ids of a group, sorted.</summary>
    protected List<string> MemberIds(string groupId) =>
        Stores.Groups.MembersOf(groupId).Select(m => m.MemberId).Order(StringComparer.Ordinal).ToList();

    private static string IdOf(string prefix, int number) => $"0199{number:D8}-0000-7000-8000-{prefix}0000000000"[..36];
}
