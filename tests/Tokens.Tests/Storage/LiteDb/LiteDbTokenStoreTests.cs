using LiteDB;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>What only the LiteDB token store has to handle: documents written by earlier versions of the gateway.</summary>
public sealed class LiteDbTokenStoreTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private readonly TokenStoreSet _stores;
    private readonly LiteDatabase _database;

    public LiteDbTokenStoreTests() => _stores = LiteDbStores.Open(out _database);

    public void Dispose() => _stores.Dispose();

    [Fact]
    public void Update_OfARecordStoredWithoutVersion_ReadsAsVersionZero()
    {
        // Records written before the version field existed have no Version key at all.
        var document = new BsonDocument { ["_id"] = "old", ["Hash"] = "h-old", ["OwnerNameKey"] = "o|OLD", ["OwnerId"] = "o", ["Name"] = "old" };
        _database.GetCollection("tokens").Insert(document);
        var read = _stores.Tokens.FindById("old")!;
        Assert.Equal(0, read.Version);

        read.RevokedAt = s_now;

        Assert.True(_stores.Tokens.Update(read, null));
        Assert.Equal(1, _stores.Tokens.FindById("old")!.Version);
    }

    [Fact]
    public void AuditEntries_WrittenBeforeTheStoresSplit_AreReadFromTheSameCollection()
    {
        // Earlier versions wrote the trail from AuditTrail itself into "audit"; the stores read and append to it.
        _database.GetCollection<AuditRecord>("audit").Insert(new AuditRecord { At = s_now, Actor = "cli", Action = "token.created", Target = "t0" });

        _stores.Tokens.Insert(new TokenRecord { Id = "t1", Hash = "h1", Name = "n", OwnerId = "o", OwnerNameKey = "o|N" },
            new AuditRecord { At = s_now, Actor = "cli", Action = "token.created", Target = "t1" });

        Assert.Equal(["t1", "t0"], _stores.Audit.ReadPage(1, 10).Items.Select(r => r.Target));
    }
}
