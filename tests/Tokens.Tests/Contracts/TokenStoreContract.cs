using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>
/// What every <see cref="ITokenStore"/> must do: unique names per owner, newest-first listings, compare-and-set state
/// writes that never touch usage fields (and the reverse), each change committed with its audit entry, and null,
/// false or empty, never an exception, for what does not exist.
/// </summary>
public abstract class TokenStoreContract : StoreContract
{
    [ContractFact]
    public void Insert_ThenFind_ByIdAndByHash_ReturnsEveryField()
    {
        var token = Token("t1", expiresAt: Now.AddDays(30), kind: OwnerKind.Service);
        token.ScimOnly = true;
        Insert(token);

        foreach (var found in new[] { Stores.Tokens.FindById("t1")!, Stores.Tokens.FindByHash("hash-t1")! })
        {
            Assert.Equal(("t1", "hash-t1", "t1", "owner"), (found.Id, found.Hash, found.Name, found.OwnerId));
            Assert.Equal(token.OwnerNameKey, found.OwnerNameKey);
            Assert.Equal(OwnerKind.Service, found.OwnerKind);
            Assert.True(found.ScimOnly);
            Assert.Equal(Now, found.CreatedAt);
            Assert.Equal(Now.AddDays(30), found.ExpiresAt);
            Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
            Assert.Null(found.RevokedAt);
            Assert.Null(found.LastUsedAt);
            Assert.Equal(0, found.Version);
        }
    }

    [ContractFact]
    public void Insert_WritesItsAuditEntry()
    {
        Insert(Token("t1"));

        var entry = Assert.Single(Stores.Audit.Find(AuditActions.TokenCreated, "t1"));
        Assert.True(entry.Id > 0);
        Assert.Equal(("tester", "10.0.0.1", "detail of t1"), (entry.Actor, entry.ClientAddress, entry.Detail));
    }

    [ContractFact]
    public void Insert_SameNameForSameOwner_CaseInsensitive_ThrowsDuplicate_AndWritesNothing()
    {
        Insert(Token("t1", name: "Deploy"));

        Assert.Throws<DuplicateTokenNameException>(() => Insert(Token("t2", name: "DEPLOY")));

        Assert.Null(Stores.Tokens.FindById("t2"));
        Assert.Empty(Stores.Audit.Find(AuditActions.TokenCreated, "t2"));
        Assert.Single(Stores.Tokens.ListByOwner("owner"));
    }

    [ContractFact]
    public void Insert_SameNameForAnotherOwner_Succeeds()
    {
        Insert(Token("t1", owner: "alice", name: "deploy"));
        Insert(Token("t2", owner: "bob", name: "deploy"));

        Assert.NotNull(Stores.Tokens.FindById("t2"));
    }

    [ContractFact]
    public void Insert_InParallel_DistinctNamesAllLand()
    {
        AtOnce(16, i => Insert(Token($"t{i:00}")));

        Assert.Equal(16, Stores.Tokens.ListByOwner("owner").Count);
        Assert.All(Enumerable.Range(0, 16), i => Assert.Single(Stores.Audit.Find(AuditActions.TokenCreated, $"t{i:00}")));
    }

    [ContractFact]
    public void Insert_InParallel_SameName_ExactlyOneLands()
    {
        var landed = AtOnce(8, i =>
        {
            try
            {
                Insert(Token($"t{i}", name: "same"));
                return true;
            }
            catch (DuplicateTokenNameException)
            {
                return false;
            }
        });

        Assert.Single(landed, l => l);
        Assert.Single(Stores.Tokens.ListByOwner("owner"));
    }

    [ContractFact]
    public void NotFound_ReadsAreNullOrEmpty_AndWritesAreFalse_NeverThrowing()
    {
        Assert.Null(Stores.Tokens.FindById("missing"));
        Assert.Null(Stores.Tokens.FindByHash("missing"));
        Assert.Empty(Stores.Tokens.ListByOwner("nobody"));
        Assert.Empty(Stores.Tokens.ListByOwnerKind(OwnerKind.Service));
        Assert.Empty(Stores.Tokens.ListExpiringBefore(Now.AddYears(10)));
        Assert.False(Stores.Tokens.Update(Token("missing"), Entry(AuditActions.TokenRevoked, "missing")));
        Assert.False(Stores.Tokens.Delete("missing", Entry(AuditActions.TokenDeleted, "missing")));
        Assert.Empty(Stores.Tokens.DeleteAllOwnedBy("nobody", t => Entry(AuditActions.TokenDeleted, t.Id)));
        Stores.Tokens.UpdateLastUsed([new LastUseUpdate("missing", Now, null)]);
        Assert.Null(Stores.Tokens.FindById("missing"));
        Assert.Empty(Stores.Audit.Find(AuditActions.TokenRevoked, "missing"));
        Assert.Empty(Stores.Audit.Find(AuditActions.TokenDeleted, "missing"));
    }

    [ContractFact]
    public void ListByOwner_IsNewestFirst_TiesById_AndOnlyThatOwners()
    {
        Insert(Token("b", createdAt: Now));
        Insert(Token("c", createdAt: Now.AddMinutes(-1)));
        Insert(Token("a", createdAt: Now));
        Insert(Token("z", createdAt: Now.AddMinutes(1)));
        Insert(Token("other", owner: "someone-else"));

        Assert.Equal(["z", "a", "b", "c"], Stores.Tokens.ListByOwner("owner").Select(t => t.Id));
    }

    [ContractFact]
    public void ListByOwnerKind_IsNewestFirst_AndOnlyThatKind()
    {
        Insert(Token("s1", owner: "bot", createdAt: Now, kind: OwnerKind.Service));
        Insert(Token("s2", owner: "bot2", createdAt: Now.AddMinutes(1), kind: OwnerKind.Service));
        Insert(Token("h1", owner: "alice", createdAt: Now.AddMinutes(2)));

        Assert.Equal(["s2", "s1"], Stores.Tokens.ListByOwnerKind(OwnerKind.Service).Select(t => t.Id));
        Assert.Equal(["h1"], Stores.Tokens.ListByOwnerKind(OwnerKind.Human).Select(t => t.Id));
    }

    [ContractFact]
    public void ListExpiringBefore_IncludesTheBound_SoonestFirst_TiesById_WithoutNeverExpiring()
    {
        Insert(Token("later", expiresAt: Now.AddDays(2)));
        Insert(Token("b", expiresAt: Now.AddDays(1)));
        Insert(Token("a", expiresAt: Now.AddDays(1)));
        Insert(Token("past", expiresAt: Now.AddDays(-1)));
        Insert(Token("never"));

        Assert.Equal(["past", "a", "b"], Stores.Tokens.ListExpiringBefore(Now.AddDays(1)).Select(t => t.Id));
    }

    [ContractFact]
    public void Update_WritesStateAndItsAuditEntry_AndBumpsTheVersion()
    {
        Insert(Token("t1"));
        var read = Stores.Tokens.FindById("t1")!;
        read.RevokedAt = Now;
        read.RevokedBy = "admin";
        read.RevokedByKind = OwnerKind.Human;
        read.RevokedByRole = Role.Admin;

        Assert.True(Stores.Tokens.Update(read, Entry(AuditActions.TokenRevoked, "t1")));

        Assert.Equal(1, read.Version);
        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Now, "admin", OwnerKind.Human, Role.Admin), (stored.RevokedAt, stored.RevokedBy, stored.RevokedByKind, stored.RevokedByRole));
        Assert.Equal(1, stored.Version);
        Assert.Single(Stores.Audit.Find(AuditActions.TokenRevoked, "t1"));
    }

    [ContractFact]
    public void Update_WithoutAuditEntry_WritesNone()
    {
        Insert(Token("t1"));
        var read = Stores.Tokens.FindById("t1")!;
        read.ExpiredAt = Now;

        Assert.True(Stores.Tokens.Update(read, null));

        Assert.Equal(Now, Stores.Tokens.FindById("t1")!.ExpiredAt);
        Assert.Single(Stores.Audit.ReadPage(1, 10).Items);
    }

    [ContractFact]
    public void Update_WithStaleVersion_IsRefused_KeepsTheNewerState_AndWritesNoAuditEntry()
    {
        Insert(Token("t1"));
        var first = Stores.Tokens.FindById("t1")!;
        var second = Stores.Tokens.FindById("t1")!;
        first.RevokedAt = Now;
        first.RevokedBy = "admin";
        Assert.True(Stores.Tokens.Update(first, Entry(AuditActions.TokenRevoked, "t1")));

        second.ExpiredAt = Now;
        Assert.False(Stores.Tokens.Update(second, Entry(AuditActions.TokenExpired, "t1")));

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal(Now, stored.RevokedAt);
        Assert.Null(stored.ExpiredAt);
        Assert.Equal(1, stored.Version);
        Assert.Equal(0, second.Version);
        Assert.Empty(Stores.Audit.Find(AuditActions.TokenExpired, "t1"));
    }

    [ContractFact]
    public void Update_TwoWritersWithTheSameVersion_OnlyOneWins()
    {
        Insert(Token("t1"));
        var reads = new[] { Stores.Tokens.FindById("t1")!, Stores.Tokens.FindById("t1")! };

        var won = AtOnce(2, i =>
        {
            reads[i].RevokedBy = $"writer-{i}";
            reads[i].RevokedAt = Now;
            return Stores.Tokens.Update(reads[i], Entry(AuditActions.TokenRevoked, "t1"));
        });

        var winner = Assert.Single(won.Select((w, i) => (w, i)), x => x.w).i;
        Assert.Equal($"writer-{winner}", Stores.Tokens.FindById("t1")!.RevokedBy);
        Assert.Single(Stores.Audit.Find(AuditActions.TokenRevoked, "t1"));
    }

    [ContractFact]
    public void Update_OfDeletedToken_IsFalse_AndDoesNotRecreateIt()
    {
        Insert(Token("t1"));
        var read = Stores.Tokens.FindById("t1")!;
        Assert.True(Stores.Tokens.Delete("t1", Entry(AuditActions.TokenDeleted, "t1")));

        read.RevokedAt = Now;

        Assert.False(Stores.Tokens.Update(read, Entry(AuditActions.TokenRevoked, "t1")));
        Assert.Null(Stores.Tokens.FindById("t1"));
        Assert.Null(Stores.Tokens.FindByHash("hash-t1"));
    }

    [ContractFact]
    public void Update_AfterALastUseWrite_KeepsTheLastUse()
    {
        Insert(Token("t1"));
        var read = Stores.Tokens.FindById("t1")!;
        Stores.Tokens.UpdateLastUsed([new LastUseUpdate("t1", Now, "10.0.0.1")]);

        read.RevokedAt = Now.AddMinutes(1);
        Assert.True(Stores.Tokens.Update(read, null));

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Now, "10.0.0.1"), (stored.LastUsedAt, stored.LastUsedAddress));
    }

    [ContractFact]
    public void Update_NeverWritesFieldsOtherThanState()
    {
        Insert(Token("t1", name: "original", expiresAt: Now.AddDays(1)));
        var read = Stores.Tokens.FindById("t1")!;
        read.Name = "renamed";
        read.ExpiresAt = Now.AddDays(99);
        read.ScimOnly = true;
        read.RevokedAt = Now;

        Assert.True(Stores.Tokens.Update(read, null));

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal(("original", Now.AddDays(1), false, Now), (stored.Name, stored.ExpiresAt, stored.ScimOnly, stored.RevokedAt));
    }

    [ContractFact]
    public void UpdateLastUsed_AfterAStateChangeFromAnOlderRead_KeepsTheStateChange()
    {
        Insert(Token("t1"));
        var read = Stores.Tokens.FindById("t1")!;
        read.RevokedAt = Now;
        Assert.True(Stores.Tokens.Update(read, null));

        Stores.Tokens.UpdateLastUsed([new LastUseUpdate("t1", Now.AddMinutes(1), "10.0.0.1")]);

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal(Now, stored.RevokedAt);
        Assert.Equal(1, stored.Version);
        Assert.Equal((Now.AddMinutes(1), "10.0.0.1"), (stored.LastUsedAt, stored.LastUsedAddress));
    }

    [ContractFact]
    public void UpdateLastUsed_NeverMovesBackwards_AndIgnoresUnknownTokens()
    {
        Insert(Token("t1"));
        Stores.Tokens.UpdateLastUsed([new LastUseUpdate("t1", Now, "10.0.0.2"), new LastUseUpdate("missing", Now, null)]);

        Stores.Tokens.UpdateLastUsed([new LastUseUpdate("t1", Now.AddSeconds(-1), "10.0.0.9")]);

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Now, "10.0.0.2"), (stored.LastUsedAt, stored.LastUsedAddress));
        Assert.Null(Stores.Tokens.FindById("missing"));
    }

    [ContractFact]
    public void UpdateLastUsed_FromParallelWriters_KeepsTheLatest()
    {
        Insert(Token("t1"));

        AtOnce(16, i =>
        {
            Stores.Tokens.UpdateLastUsed([new LastUseUpdate("t1", Now.AddSeconds(i), $"10.0.0.{i}")]);
            return i;
        });

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Now.AddSeconds(15), "10.0.0.15"), (stored.LastUsedAt, stored.LastUsedAddress));
    }

    [ContractFact]
    public void Delete_RemovesTheToken_WithItsAuditEntry_AndFreesItsName()
    {
        Insert(Token("t1", name: "deploy"));

        Assert.True(Stores.Tokens.Delete("t1", Entry(AuditActions.TokenDeleted, "t1")));

        Assert.Null(Stores.Tokens.FindById("t1"));
        Assert.Single(Stores.Audit.Find(AuditActions.TokenDeleted, "t1"));
        Assert.False(Stores.Tokens.Delete("t1", Entry(AuditActions.TokenDeleted, "t1")));
        Assert.Single(Stores.Audit.Find(AuditActions.TokenDeleted, "t1"));
        Insert(Token("t2", name: "deploy"));
    }

    [ContractFact]
    public void DeleteAllOwnedBy_DeletesOnlyThatOwnersTokens_WithOneEntryEach()
    {
        Insert(Token("a1", owner: "alice", createdAt: Now));
        Insert(Token("a2", owner: "alice", createdAt: Now.AddMinutes(1)));
        Insert(Token("b1", owner: "bob"));

        var deleted = Stores.Tokens.DeleteAllOwnedBy("alice", t => Entry(AuditActions.TokenDeleted, t.Id));

        Assert.Equal(["a1", "a2"], deleted.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Empty(Stores.Tokens.ListByOwner("alice"));
        Assert.NotNull(Stores.Tokens.FindById("b1"));
        Assert.Single(Stores.Audit.Find(AuditActions.TokenDeleted, "a1"));
        Assert.Single(Stores.Audit.Find(AuditActions.TokenDeleted, "a2"));
        Assert.Empty(Stores.Audit.Find(AuditActions.TokenDeleted, "b1"));
    }
}
