using LiteDB;
using ScimGateway.Tokens.Storage.LiteDb;
using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>Every LiteDB store on a real database file in a fresh temp directory, opened as the gateway opens it.</summary>
internal static class LiteDbStores
{
    public static TokenStoreSet Open() => Open(out _);

    public static TokenStoreSet Open(out LiteDatabase database)
    {
        var directory = Directory.CreateTempSubdirectory("tokens-store-").FullName;
        var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(directory, "gateway.db"), Connection = ConnectionType.Direct },
            new BsonMapper()) { UtcDate = true };
        database = db;
        return new TokenStoreSet(
            new LiteDbTokenStore(db),
            new LiteDbUsageStore(db),
            new LiteDbAuditStore(db),
            new LiteDbServiceUserStore(db),
            new LiteDbExpiryWarningStore(db),
            () =>
            {
                db.Dispose();
                Directory.Delete(directory, recursive: true);
            });
    }
}
