using LiteDB;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>Reads Tokens' collections out of the application's LiteDB database for a storage copy.</summary>
public static class TokensLiteDbExport
{
    /// <summary>
    /// Counts every collection and returns lazy readers of them. The caller holds the data directory, so nothing
    /// writes between the counts and the reads.
    /// </summary>
    public static TokensExport Read(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var tokens = database.GetCollection<TokenRecord>(LiteDbCollections.Tokens);
        var audit = database.GetCollection<AuditRecord>(LiteDbCollections.Audit);
        var serviceUsers = database.GetCollection<ServiceUserRecord>(LiteDbCollections.ServiceUsers);
        var warnings = database.GetCollection<ExpiryWarningRecord>(LiteDbCollections.ExpiryWarnings);
        var minutes = database.GetCollection<UsageBucket>(LiteDbCollections.UsageMinutes);
        var flushes = database.GetCollection(LiteDbCollections.UsageFlushes);
        var hourly = database.GetCollection<UsageRollup>(LiteDbCollections.UsageHourly);
        var daily = database.GetCollection<UsageRollup>(LiteDbCollections.UsageDaily);
        return new TokensExport
        {
            Counts = new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["tokens"] = tokens.LongCount(),
                ["audit"] = audit.LongCount(),
                ["service_users"] = serviceUsers.LongCount(),
                ["expiry_warnings"] = warnings.LongCount(),
                ["usage_minutes"] = minutes.LongCount(),
                ["usage_flushes"] = flushes.LongCount(),
                ["usage_hourly"] = hourly.LongCount(),
                ["usage_daily"] = daily.LongCount(),
            },
            Tokens = tokens.FindAll(),
            Audit = audit.Query().OrderBy(r => r.Id).ToEnumerable(),
            ServiceUsers = serviceUsers.FindAll(),
            ExpiryWarnings = warnings.FindAll(),
            UsageMinutes = minutes.FindAll(),
            UsageFlushes = flushes.FindAll().Select(Flush),
            UsageHourly = hourly.FindAll(),
            UsageDaily = daily.FindAll(),
        };
    }

    // The store keys a flush "node|flush" (LiteDbUsageStore.AddBuckets); a flush id is a GUID, so the last bar splits.
    private static UsageFlushRecord Flush(BsonDocument document)
    {
        var key = document["_id"].AsString;
        var bar = key.LastIndexOf('|');
        return new UsageFlushRecord(key[..bar], key[(bar + 1)..], DateTime.SpecifyKind(document["AppliedAt"].AsDateTime, DateTimeKind.Utc));
    }
}
