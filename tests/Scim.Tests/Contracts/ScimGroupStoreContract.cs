using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>
/// What every <see cref="IScimGroupStore"/> must do, whatever keeps the data: names, order, memberships and the
/// events each write records. A storage engine passes it by deriving a class that opens its stores.
/// </summary>
public abstract class ScimGroupStoreContract : ScimStoreContract
{
    private static readonly ProvisioningEvent[] NoEvents = [];

    [Fact]
    public void Insert_WithMembersAndEvents_AllStored_MemberListedTwiceOnce()
    {
        var users = InsertUsers(1, 2);
        var group = Group(1);
        ProvisioningEvent[] events = [new(ProvisioningEventKind.Changed, users[0].Id)];

        Stores.Groups.Insert(group, [Member(users[0]), Member(users[1]), Member(users[0])], events);

        Assert.Equal(group.DisplayName, Stores.Groups.FindById(group.Id)?.DisplayName);
        Assert.Equal(users.Select(u => u.Id), MemberIds(group.Id));
        Assert.All(Stores.Groups.MembersOf(group.Id), m => Assert.Equal(group.Id, m.GroupId));
        Assert.Equal(events, PendingEvents());
    }

    [Fact]
    public void Insert_NameTakenInAnotherCase_ThrowsDuplicate_WritesNothing()
    {
        var alice = InsertUsers(1)[0];
        Stores.Groups.Insert(Group(1, "Engineers"), [], []);
        var clash = Group(2, "ENGINEERS");

        Assert.Throws<DuplicateGroupNameException>(() =>
            Stores.Groups.Insert(clash, [Member(alice)], [new(ProvisioningEventKind.Changed, alice.Id)]));
        Assert.Null(Stores.Groups.FindById(clash.Id));
        Assert.Empty(Stores.Groups.GroupsOf(alice.Id));
        Assert.Empty(PendingEvents());
        Assert.Equal(1, Stores.Groups.Count());
    }

    [Fact]
    public void NotFound_IsNullFalseOrEmpty_NeverThrows()
    {
        var ghost = Group(9);

        Assert.Null(Stores.Groups.FindById(ghost.Id));
        Assert.Null(Stores.Groups.FindById(new string('x', 5000)));
        Assert.False(Stores.Groups.Update(ghost, [new(ProvisioningEventKind.Changed, "u")]));
        Assert.False(Stores.Groups.Delete(ghost.Id, [new(ProvisioningEventKind.Changed, "u")]));
        Assert.Empty(Stores.Groups.MembersOf(ghost.Id));
        Assert.Empty(Stores.Groups.GroupsOf("nobody"));
        Assert.False(Stores.Groups.IsMember(ghost.Id, "nobody"));
        Assert.False(Stores.Groups.IsMember(ghost.Id, new string('x', 5000)));
        Assert.Empty(Stores.Groups.FindCandidates(new FilterIndexHint("displayName", "nothing", false)));
        Assert.Empty(Stores.Groups.Page(3, 10));
        Assert.Empty(PendingEvents());
    }

    [Fact]
    public void Page_StableIdOrder_SkipAndTake()
    {
        foreach (var number in new[] { 3, 1, 2 })
        {
            Stores.Groups.Insert(Group(number), [], []);
        }

        Assert.Equal([Group(2).Id, Group(3).Id], Stores.Groups.Page(1, 5).Select(g => g.Id));
        Assert.Equal([Group(1).Id, Group(2).Id, Group(3).Id], Stores.Groups.All().Select(g => g.Id));
        Assert.Equal(3, Stores.Groups.Count());
        Stores.Groups.Delete(Group(1).Id, NoEvents);
        Assert.Equal([Group(2).Id], Stores.Groups.Page(0, 1).Select(g => g.Id));
        Assert.Equal(2, Stores.Groups.Count());
    }

    [Fact]
    public void FindCandidates_DisplayNameExternalIdMembersAndId()
    {
        var alice = InsertUsers(1)[0];
        var admins = Group(1, "Admins", "ext-admins");
        Stores.Groups.Insert(admins, [Member(alice)], []);
        Stores.Groups.Insert(Group(2, "Others"), [], []);

        Assert.Equal([admins.Id], Stores.Groups.FindCandidates(new FilterIndexHint("displayName", "ADMINS", false)).Select(g => g.Id));
        Assert.Equal([admins.Id], Stores.Groups.FindCandidates(new FilterIndexHint("externalId", "ext-admins", true)).Select(g => g.Id));
        Assert.Equal([admins.Id], Stores.Groups.FindCandidates(new FilterIndexHint("members.value", alice.Id, true)).Select(g => g.Id));
        Assert.Equal([admins.Id], Stores.Groups.FindCandidates(new FilterIndexHint("id", admins.Id, true)).Select(g => g.Id));
        Assert.Empty(Stores.Groups.FindCandidates(new FilterIndexHint("unindexed", "Admins", false)));
    }

    [Fact]
    public void Update_NeverTouchesMembers_RecordsEvents()
    {
        var users = InsertUsers(1, 2);
        var group = InsertGroup(1, users[0], users[1]);
        var next = Group(1, "Renamed");
        next.Version = 2;
        ProvisioningEvent[] events = [new(ProvisioningEventKind.Changed, users[1].Id)];

        Assert.True(Stores.Groups.Update(next, events));

        Assert.Equal(("Renamed", 2L), (Stores.Groups.FindById(group.Id)!.DisplayName, Stores.Groups.FindById(group.Id)!.Version));
        Assert.Equal(users.Select(u => u.Id), MemberIds(group.Id));
        Assert.Equal(events, PendingEvents());
    }

    [Fact]
    public void Update_AtExpectedVersion_Writes_ElseThrowsConflict_WritesNothing()
    {
        var group = InsertGroup(1);
        var first = Group(1, "First");
        first.Version = 2;
        var stale = Group(1, "Stale");
        stale.Version = 2;

        Assert.True(Stores.Groups.Update(first, 1, [new(ProvisioningEventKind.Changed, "u1")]));
        Assert.Throws<ScimVersionConflictException>(() => Stores.Groups.Update(stale, 1, [new(ProvisioningEventKind.Changed, "u2")]));

        Assert.Equal(("First", 2L), (Stores.Groups.FindById(group.Id)!.DisplayName, Stores.Groups.FindById(group.Id)!.Version));
        Assert.Equal([new ProvisioningEvent(ProvisioningEventKind.Changed, "u1")], PendingEvents());
        Assert.False(Stores.Groups.Update(Group(9), 1, NoEvents));
    }

    [Fact]
    public void ApplyMembers_CompleteAtStaleVersion_ThrowsConflict_MembershipChangesUndone()
    {
        var alice = InsertUsers(1)[0];
        var group = InsertGroup(1);
        var moved = Group(1, "Moved On");
        moved.Version = 2;
        Stores.Groups.Update(moved, NoEvents);
        var next = Group(1);
        next.Version = 2;

        Assert.Throws<ScimVersionConflictException>(() => Stores.Groups.ApplyMembers(group.Id, [alice.Id], [], false,
            _ => new MemberInfo(MemberTypes.User, "Alice"), _ => new GroupWrite(next, ProvisioningEvent.Changed([alice.Id])) { ExpectedVersion = 1 }));

        Assert.Empty(Stores.Groups.MembersOf(group.Id));
        Assert.Empty(PendingEvents());
        Assert.Equal("Moved On", Stores.Groups.FindById(group.Id)?.DisplayName);
    }

    [Fact]
    public void ApplyMembers_GroupGone_ThrowsConflict_WritesNothing()
    {
        var alice = InsertUsers(1)[0];

        Assert.Throws<ScimVersionConflictException>(() => Apply(Group(9).Id, [alice.Id], [], replaceAll: false));
        Assert.Empty(Stores.Groups.GroupsOf(alice.Id));
    }

    [Fact]
    public void Update_NameTaken_ThrowsDuplicate_WritesNothing()
    {
        Stores.Groups.Insert(Group(1, "One"), [], []);
        Stores.Groups.Insert(Group(2, "Two"), [], []);

        Assert.Throws<DuplicateGroupNameException>(() => Stores.Groups.Update(Group(2, "one"), [new(ProvisioningEventKind.Changed, "u")]));
        Assert.Equal("Two", Stores.Groups.FindById(Group(2).Id)?.DisplayName);
        Assert.Empty(PendingEvents());
    }

    [Fact]
    public void Update_Renamed_BecomesItsDisplayWhereItIsAMember()
    {
        var inner = InsertGroup(1);
        var outer = Group(2);
        Stores.Groups.Insert(outer, [new ScimMembershipRecord { MemberId = inner.Id, MemberType = MemberTypes.Group, Display = inner.DisplayName }], []);

        Stores.Groups.Update(Group(1, "Inner Renamed"), NoEvents);

        var membership = Stores.Groups.MembersOf(outer.Id).Single();
        Assert.Equal(("Inner Renamed", MemberTypes.Group), (membership.Display, membership.MemberType));
    }

    [Fact]
    public void ApplyMembers_AddRemoveAndReplaceAll_ReportWhatChanged()
    {
        var users = InsertUsers(1, 2, 3, 4);
        var group = InsertGroup(1, users[0], users[1]);
        var ids = users.Select(u => u.Id).ToList();

        var added = Apply(group.Id, [ids[1], ids[2]], [], replaceAll: false);
        Assert.Equal([ids[2]], added.Added);
        Assert.Empty(added.Removed);

        var removed = Apply(group.Id, [], [ids[0], ids[3]], replaceAll: false);
        Assert.Empty(removed.Added);
        Assert.Equal([ids[0]], removed.Removed);

        var replaced = Apply(group.Id, [ids[2], ids[3]], [], replaceAll: true);
        Assert.Equal([ids[3]], replaced.Added);
        Assert.Equal([ids[1]], replaced.Removed);
        Assert.Equal([ids[2], ids[3]], MemberIds(group.Id));
        Assert.True(Stores.Groups.IsMember(group.Id, ids[3]));
        Assert.False(Stores.Groups.IsMember(group.Id, ids[0]));
        Assert.Equal([group.Id], Stores.Groups.GroupsOf(ids[3]).Select(m => m.GroupId));
        Assert.Equal("user0004@example.com", Stores.Groups.MembersOf(group.Id).Single(m => m.MemberId == ids[3]).Display);
    }

    [Fact]
    public void ApplyMembers_Complete_WritesRecordAndEventsWithTheMembers()
    {
        var alice = InsertUsers(1)[0];
        var group = InsertGroup(1);
        var next = Group(1);
        next.Version = 2;

        var delta = Stores.Groups.ApplyMembers(group.Id, [alice.Id], [], false, _ => new MemberInfo(MemberTypes.User, "Alice"),
            d => new GroupWrite(next, ProvisioningEvent.Changed(d.Added)));

        Assert.Equal([alice.Id], delta.Added);
        Assert.Equal(2, Stores.Groups.FindById(group.Id)?.Version);
        Assert.Equal([new ProvisioningEvent(ProvisioningEventKind.Changed, alice.Id)], PendingEvents());
    }

    [Fact]
    public void ApplyMembers_CompleteWriteFails_MembershipChangesUndone()
    {
        var alice = InsertUsers(1)[0];
        Stores.Groups.Insert(Group(2, "Taken"), [], []);
        var group = InsertGroup(1);

        Assert.Throws<DuplicateGroupNameException>(() => Stores.Groups.ApplyMembers(group.Id, [alice.Id], [], false,
            _ => new MemberInfo(MemberTypes.User, "Alice"), _ => new GroupWrite(Group(1, "taken"), ProvisioningEvent.Changed([alice.Id]))));

        Assert.Empty(Stores.Groups.MembersOf(group.Id));
        Assert.Empty(PendingEvents());
        Assert.Equal(group.DisplayName, Stores.Groups.FindById(group.Id)?.DisplayName);
    }

    [Fact]
    public async Task ApplyMembers_ParallelAddsToOneGroup_LoseNone()
    {
        var users = Enumerable.Range(1, 30).Select(n => User(n)).ToList();
        Stores.Users.InsertMany(users);
        var group = InsertGroup(1);

        await Task.WhenAll(users.Select(u => Task.Run(() => Apply(group.Id, [u.Id], [], replaceAll: false))));

        Assert.Equal(users.Select(u => u.Id), MemberIds(group.Id));
    }

    [Fact]
    public void Delete_RemovesMembershipsBothWays_RecordsEvents()
    {
        var alice = InsertUsers(1)[0];
        var inner = InsertGroup(1, alice);
        var outer = Group(2);
        Stores.Groups.Insert(outer, [new ScimMembershipRecord { MemberId = inner.Id, MemberType = MemberTypes.Group }], []);
        ProvisioningEvent[] events = [new(ProvisioningEventKind.Changed, alice.Id)];

        Assert.True(Stores.Groups.Delete(inner.Id, events));

        Assert.Null(Stores.Groups.FindById(inner.Id));
        Assert.Empty(Stores.Groups.MembersOf(inner.Id));
        Assert.Empty(Stores.Groups.GroupsOf(alice.Id));
        Assert.Empty(Stores.Groups.MembersOf(outer.Id));
        Assert.Equal(events, PendingEvents());
    }

    [Fact]
    public void InsertMembers_KeepsExisting_AddsNew()
    {
        var users = InsertUsers(1, 2);
        var group = InsertGroup(1, users[0]);

        Stores.Groups.InsertMembers(group.Id, [Member(users[0]), Member(users[1])]);

        Assert.Equal(users.Select(u => u.Id), MemberIds(group.Id));
    }

    private MembershipDelta Apply(string groupId, IReadOnlyList<string> added, IReadOnlyCollection<string> removed, bool replaceAll) =>
        Stores.Groups.ApplyMembers(groupId, added, removed, replaceAll,
            id => MemberInfo.Of(Stores.Users.FindById(id)!), _ => null);
}
