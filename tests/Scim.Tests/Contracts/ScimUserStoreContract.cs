using System.Text.Json.Nodes;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>
/// What every <see cref="IScimUserStore"/> must do, whatever keeps the data. A storage engine passes it by deriving a
/// class that opens its stores over an empty database.
/// </summary>
public abstract class ScimUserStoreContract : ScimStoreContract
{
    [ContractFact]
    public void Insert_FoundByIdAndByUserNameInAnyCase()
    {
        var user = User(1, "Alice@Example.com");
        Stores.Users.Insert(user);

        Assert.Equal("Alice@Example.com", Stores.Users.FindById(user.Id)?.UserName);
        Assert.Equal(user.Id, Stores.Users.FindByUserName("alice@EXAMPLE.com")?.Id);
    }

    [ContractFact]
    public void Insert_UserNameTakenInAnotherCase_ThrowsDuplicate()
    {
        Stores.Users.Insert(User(1, "alice@example.com"));

        Assert.Throws<DuplicateUserNameException>(() => Stores.Users.Insert(User(2, "ALICE@example.com")));
        Assert.Equal(1, Stores.Users.Count());
    }

    [ContractFact]
    public void InsertMany_OneNameTaken_InsertsNone()
    {
        Stores.Users.Insert(User(1, "taken@example.com"));

        Assert.Throws<DuplicateUserNameException>(() => Stores.Users.InsertMany([User(2), User(3, "Taken@example.com"), User(4)]));
        Assert.Equal(1, Stores.Users.Count());
        Assert.Null(Stores.Users.FindById(User(2).Id));
    }

    [ContractFact]
    public void InsertMany_ImportOfThousands_AllFoundByUserName()
    {
        // More users than one round trip of an engine that sends an import in chunks (PostgreSQL: 1,000).
        var users = Enumerable.Range(1, 2_500).Select(n => User(n)).ToList();

        Stores.Users.InsertMany(users);

        Assert.Equal(2_500, Stores.Users.Count());
        Assert.Equal(users[0].Id, Stores.Users.FindByUserName(users[0].UserName)?.Id);
        Assert.Equal(users[1_000].Id, Stores.Users.FindByUserName(users[1_000].UserName)?.Id);
        Assert.Equal(users[^1].Id, Stores.Users.FindByUserName(users[^1].UserName)?.Id);
    }

    [ContractFact]
    public void InsertMany_NameTakenInALaterChunk_InsertsNone()
    {
        Stores.Users.Insert(User(1, "taken@example.com"));
        var users = Enumerable.Range(2, 2_000).Select(n => User(n)).Append(User(9_999, "TAKEN@example.com")).ToList();

        Assert.Throws<DuplicateUserNameException>(() => Stores.Users.InsertMany(users));
        Assert.Equal(1, Stores.Users.Count());
        Assert.Null(Stores.Users.FindById(User(2).Id));
    }

    [ContractFact]
    public void NotFound_IsNullFalseOrEmpty_NeverThrows()
    {
        InsertUsers(1);
        var ghost = User(9);

        Assert.Null(Stores.Users.FindById(ghost.Id));
        Assert.Null(Stores.Users.FindById(new string('x', 5000)));
        Assert.Null(Stores.Users.FindByUserName("nobody@example.com"));
        Assert.False(Stores.Users.Update(ghost));
        Assert.False(Stores.Users.Delete(ghost.Id, Now));
        Assert.Empty(Stores.Users.FindCandidates(new FilterIndexHint("userName", "nobody@example.com", false)));
        Assert.Empty(Stores.Users.Page(5, 10));
        Assert.Empty(PendingEvents());
    }

    [ContractFact]
    public void Page_StableIdOrder_SkipAndTake()
    {
        InsertUsers(5, 1, 4, 2, 3);

        Assert.Equal([User(2).Id, User(3).Id], Stores.Users.Page(1, 2).Select(u => u.Id));
        Assert.Equal([User(5).Id], Stores.Users.Page(4, 10).Select(u => u.Id));
        Assert.Empty(Stores.Users.Page(1, 0));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => User(n).Id), Stores.Users.All().Select(u => u.Id));
        Assert.Equal(5, Stores.Users.Count());

        Stores.Users.Delete(User(2).Id, Now);
        Assert.Equal([User(3).Id, User(4).Id], Stores.Users.Page(1, 2).Select(u => u.Id));
        Assert.Equal(4, Stores.Users.Count());
    }

    [ContractTheory]
    [InlineData("userName", "BOB@example.com")]
    [InlineData("externalId", "ext-bob")]
    [InlineData("displayName", "bob builder")]
    [InlineData("emails.value", "Bob.Work@Example.com")]
    public void FindCandidates_IndexedAttribute_FindsTheUser(string attribute, string value)
    {
        InsertUsers(1);
        var bob = User(2, "bob@example.com", r =>
        {
            r["externalId"] = "ext-bob";
            r["displayName"] = "Bob Builder";
            r["emails"] = new JsonArray(new JsonObject { ["value"] = "bob.work@example.com" }, new JsonObject { ["value"] = "bob@home.example" });
        });
        Stores.Users.Insert(bob);

        // A superset is allowed (the caller evaluates the whole filter): bob must be among the candidates.
        Assert.Contains(bob.Id, Stores.Users.FindCandidates(new FilterIndexHint(attribute, value, false)).Select(u => u.Id));
        Assert.DoesNotContain(User(1).Id, Stores.Users.FindCandidates(new FilterIndexHint(attribute, value, false)).Select(u => u.Id));
    }

    [ContractFact]
    public void FindCandidates_ById_AndUnindexedAttribute()
    {
        var users = InsertUsers(1, 2);

        Assert.Equal([users[1].Id], Stores.Users.FindCandidates(new FilterIndexHint("id", users[1].Id, true)).Select(u => u.Id));
        Assert.Empty(Stores.Users.FindCandidates(new FilterIndexHint("title", "Engineer", false)));
    }

    [ContractFact]
    public void Update_UserNameTakenByAnother_ThrowsDuplicate_AndChangesNothing()
    {
        var users = InsertUsers(1, 2);
        var renamed = User(2, users[0].UserName.ToUpperInvariant());

        Assert.Throws<DuplicateUserNameException>(() => Stores.Users.Update(renamed));
        Assert.Equal(users[1].UserName, Stores.Users.FindById(users[1].Id)?.UserName);
        Assert.Empty(PendingEvents());
    }

    [ContractFact]
    public void Update_RecordsDeactivationReactivationAndChange()
    {
        var alice = InsertUsers(1)[0];

        alice.Active = false;
        Stores.Users.Update(alice);
        alice.Active = true;
        Stores.Users.Update(alice);
        alice.Roles = ["Admin"];
        Stores.Users.Update(alice);

        Assert.Equal(
            [ProvisioningEventKind.Deactivated, ProvisioningEventKind.Reactivated, ProvisioningEventKind.Changed],
            PendingEvents().Select(e => e.Kind));
        Assert.All(PendingEvents(), e => Assert.Equal(alice.Id, e.UserId));
        Assert.Equal(["Admin"], Stores.Users.FindById(alice.Id)?.Roles);
    }

    [ContractFact]
    public void Update_AtExpectedVersion_Writes_ElseThrowsConflict_AndChangesNothing()
    {
        var alice = InsertUsers(1)[0];
        var first = User(1, alice.UserName, r => r["displayName"] = "First");
        first.Version = 2;
        var stale = User(1, alice.UserName, r => r["displayName"] = "Stale");
        stale.Version = 2;

        Assert.True(Stores.Users.Update(first, expectedVersion: 1));
        Assert.Throws<ScimVersionConflictException>(() => Stores.Users.Update(stale, expectedVersion: 1));

        Assert.Equal(("First", 2L), (Stores.Users.FindById(alice.Id)!.DisplayName, Stores.Users.FindById(alice.Id)!.Version));
        Assert.Single(PendingEvents());
        Assert.False(Stores.Users.Update(User(9), expectedVersion: 1));
    }

    [ContractFact]
    public void Update_NewDisplayName_BecomesTheMembershipsDisplay()
    {
        var alice = InsertUsers(1)[0];
        var group = InsertGroup(1, alice);
        var other = InsertGroup(2, alice);

        var renamed = User(1, alice.UserName, r => r["displayName"] = "Alice Renamed");
        Stores.Users.Update(renamed);

        Assert.Equal("Alice Renamed", Stores.Groups.MembersOf(group.Id).Single().Display);
        Assert.Equal("Alice Renamed", Stores.Groups.MembersOf(other.Id).Single().Display);
    }

    [ContractFact]
    public void Delete_RemovesMemberships_NewGroupVersion_RecordsDeletion()
    {
        var users = InsertUsers(1, 2);
        var group = InsertGroup(1, users[0], users[1]);
        var later = Now.AddMinutes(5);

        Assert.True(Stores.Users.Delete(users[0].Id, later));

        Assert.Null(Stores.Users.FindById(users[0].Id));
        Assert.Equal([users[1].Id], MemberIds(group.Id));
        Assert.Empty(Stores.Groups.GroupsOf(users[0].Id));
        var stored = Stores.Groups.FindById(group.Id)!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(later, stored.LastModified.ToUniversalTime());
        Assert.Equal([new ProvisioningEvent(ProvisioningEventKind.Deleted, users[0].Id)], PendingEvents());
        Assert.False(Stores.Users.Delete(users[0].Id, later));
        Assert.Single(PendingEvents());
    }

    [ContractFact]
    public async Task ParallelInserts_DistinctNames_AllLand()
    {
        await Task.WhenAll(Enumerable.Range(1, 40).Select(n => Task.Run(() => Stores.Users.Insert(User(n)))));

        Assert.Equal(40, Stores.Users.Count());
        Assert.Equal(Enumerable.Range(1, 40).Select(n => User(n).Id), Stores.Users.Page(0, 100).Select(u => u.Id));
    }

    [ContractFact]
    public async Task ParallelInserts_SameName_ExactlyOneWins()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(() =>
        {
            try
            {
                Stores.Users.Insert(User(n, n % 2 == 0 ? "same@example.com" : "SAME@example.com"));
                return true;
            }
            catch (DuplicateUserNameException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(1, Stores.Users.Count());
    }
}
