using LiteDB;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>
/// The names of Tokens' collections in the application database, and the writes several stores share: a store call
/// that changes a token also writes its audit entry, and the usage fold moves tokens' last use, in one transaction.
/// </summary>
internal static class LiteDbCollections
{
    public const string Tokens = "tokens";
    public const string Audit = "audit";
    public const string ServiceUsers = "service_users";
    public const string UsageMinutes = "usage_minutes";
    public const string UsageFlushes = "usage_flushes";
    public const string UsageHourly = "usage_hourly";
    public const string UsageDaily = "usage_daily";
    public const string ExpiryWarnings = "expiry_warnings";

    /// <summary>The audit collection, with its index.</summary>
    public static ILiteCollection<AuditRecord> AuditOf(ILiteDatabase database)
    {
        var records = database.GetCollection<AuditRecord>(Audit);
        records.EnsureIndex(r => r.At);
        return records;
    }

    /// <summary>
    /// Moves last use forward for tokens that still exist, writing only the usage fields: a flush or fold never
    /// rewrites the record, so it cannot undo a revoke that lands between its read and its write.
    /// </summary>
    public static void UpdateLastUsed(ILiteCollection<TokenRecord> tokens, IEnumerable<LastUseUpdate> updates)
    {
        foreach (var update in updates)
        {
            tokens.UpdateMany(
                BsonExpression.Create("{ LastUsedAt: @0, LastUsedAddress: @1 }", update.UsedAt, update.Address),
                BsonExpression.Create("_id = @0 AND (LastUsedAt = null OR LastUsedAt < @1)", update.TokenId, update.UsedAt));
        }
    }

    /// <summary>True when the token still exists.</summary>
    public static bool TokenExists(ILiteDatabase database, string tokenId) =>
        database.GetCollection(Tokens).Exists(Query.EQ("_id", tokenId));
}
