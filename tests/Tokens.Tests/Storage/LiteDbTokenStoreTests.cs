using LiteDB;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Tests.Storage;

/// <summary>The token store's write rules on a real LiteDB file: state writes compare-and-set, usage writes stay in their lane.</summary>
public sealed class LiteDbTokenStoreTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Directory.CreateTempSubdirectory("tokens-store-").FullName;
    private readonly LiteDatabase _database;
    private readonly LiteDbTokenStore _store;

    public LiteDbTokenStoreTests()
    {
        _database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_directory, "gateway.db"), Connection = ConnectionType.Direct },
            new BsonMapper()) { UtcDate = true };
        _store = new LiteDbTokenStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Update_WithStaleVersion_IsRefused_AndKeepsTheNewerState()
    {
        Insert("t1");
        var first = _store.FindById("t1")!;
        var second = _store.FindById("t1")!;
        first.RevokedAt = s_now;
        first.RevokedBy = "admin";
        first.RevokedByRole = Role.Admin;
        first.RevokedByKind = OwnerKind.Human;
        Assert.True(_store.Update(first));

        second.ExpiredAt = s_now;
        Assert.False(_store.Update(second));

        var stored = _store.FindById("t1")!;
        Assert.Equal(s_now, stored.RevokedAt);
        Assert.Equal("admin", stored.RevokedBy);
        Assert.Equal(Role.Admin, stored.RevokedByRole);
        Assert.Equal(OwnerKind.Human, stored.RevokedByKind);
        Assert.Null(stored.ExpiredAt);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public void Update_OfDeletedToken_IsFalse_AndDoesNotRecreateIt()
    {
        Insert("t1");
        var read = _store.FindById("t1")!;
        Assert.True(_store.Delete("t1"));

        read.RevokedAt = s_now;

        Assert.False(_store.Update(read));
        Assert.Null(_store.FindById("t1"));
    }

    [Fact]
    public void UpdateLastUsed_AfterAStateChangeFromAnOlderRead_KeepsTheStateChange()
    {
        Insert("t1");
        var read = _store.FindById("t1")!;
        read.RevokedAt = s_now;
        Assert.True(_store.Update(read));

        _store.UpdateLastUsed([new LastUseUpdate("t1", s_now.AddMinutes(1), "10.0.0.1")]);

        var stored = _store.FindById("t1")!;
        Assert.Equal(s_now, stored.RevokedAt);
        Assert.Equal(s_now.AddMinutes(1), stored.LastUsedAt);
        Assert.Equal("10.0.0.1", stored.LastUsedAddress);
    }

    [Fact]
    public void Update_AfterALastUseWrite_KeepsTheLastUse()
    {
        Insert("t1");
        var read = _store.FindById("t1")!;
        _store.UpdateLastUsed([new LastUseUpdate("t1", s_now, "10.0.0.1")]);

        read.RevokedAt = s_now.AddMinutes(1);
        Assert.True(_store.Update(read));

        Assert.Equal(s_now, _store.FindById("t1")!.LastUsedAt);
    }

    [Fact]
    public void UpdateLastUsed_NeverMovesBackwards_AndIgnoresUnknownTokens()
    {
        Insert("t1");
        _store.UpdateLastUsed([new LastUseUpdate("t1", s_now, "10.0.0.2"), new LastUseUpdate("missing", s_now, null)]);

        _store.UpdateLastUsed([new LastUseUpdate("t1", s_now.AddSeconds(-1), "10.0.0.9")]);

        var stored = _store.FindById("t1")!;
        Assert.Equal(s_now, stored.LastUsedAt);
        Assert.Equal("10.0.0.2", stored.LastUsedAddress);
        Assert.Null(_store.FindById("missing"));
    }

    [Fact]
    public void Update_OfARecordStoredWithoutVersion_ReadsAsVersionZero()
    {
        // Records written before the version field existed have no Version key at all.
        var document = new BsonDocument { ["_id"] = "old", ["Hash"] = "h-old", ["OwnerNameKey"] = "o|OLD", ["OwnerId"] = "o", ["Name"] = "old" };
        _database.GetCollection("tokens").Insert(document);
        var read = _store.FindById("old")!;
        Assert.Equal(0, read.Version);

        read.RevokedAt = s_now;

        Assert.True(_store.Update(read));
        Assert.Equal(1, _store.FindById("old")!.Version);
    }

    private void Insert(string id) => _store.Insert(new TokenRecord
    {
        Id = id,
        Hash = "hash-" + id,
        Name = id,
        OwnerId = "owner",
        OwnerNameKey = TokenRecord.MakeOwnerNameKey("owner", id),
        OwnerKind = OwnerKind.Human,
        CreatedAt = s_now,
        ExpiresAt = s_now.AddDays(30),
    });
}
