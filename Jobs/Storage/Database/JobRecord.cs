using Hangfire.Common;
using Hangfire.Storage;
using LiteDB;

namespace ScimGateway.Jobs.Storage.Database;

/// <summary>
/// A job document read back: invocation payload, creation and expiry, current state, parameters and the full state history
/// (newest last), all in one document so a state change is one document write.
/// </summary>
internal sealed class JobRecord
{
    private JobRecord(BsonDocument doc)
    {
        Id = doc["_id"].AsInt64.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Payload = doc["Inv"].AsString;
        CreatedAt = Bson.Date(doc["Created"]) ?? DateTime.MinValue;
        ExpireAt = Bson.Date(doc["Expire"]);
        StateName = Bson.String(doc["State"]);
        StateReason = Bson.String(doc["Reason"]);
        StateData = Bson.FromPairs(doc["Data"], StringComparer.OrdinalIgnoreCase);
        Parameters = Bson.FromPairs(doc["Params"], StringComparer.Ordinal);
        History = doc["History"].IsArray ? doc["History"].AsArray.Select(h => h.AsDocument).ToList() : [];
    }

    public string Id { get; }

    public string Payload { get; }

    public DateTime CreatedAt { get; }

    public DateTime? ExpireAt { get; }

    public string? StateName { get; }

    public string? StateReason { get; }

    public Dictionary<string, string> StateData { get; }

    public Dictionary<string, string> Parameters { get; }

    public List<BsonDocument> History { get; }

    public static JobRecord? Find(LiteDatabase db, string jobId) =>
        TryParseId(jobId, out var id) && db.Col(Collections.Jobs).FindById(id) is { } doc ? new JobRecord(doc) : null;

    public static JobRecord From(BsonDocument doc) => new(doc);

    /// <summary>Hangfire passes ids from URLs and queues; anything that is not one of ours simply is not found.</summary>
    public static bool TryParseId(string? jobId, out long id) =>
        long.TryParse(jobId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);

    public InvocationData Invocation => InvocationData.DeserializePayload(Payload);

    /// <summary>Deserializes the job, keeping a load failure as a value: the dashboard shows jobs whose type is gone.</summary>
    public (Job? Job, JobLoadException? Error) LoadJob()
    {
        try
        {
            return (Invocation.DeserializeJob(), null);
        }
        catch (JobLoadException ex)
        {
            return (null, ex);
        }
    }

    public static BsonDocument NewDocument(long id, Job job, IDictionary<string, string?> parameters, DateTime createdAt, DateTime? expireAt) => new()
    {
        ["_id"] = id,
        ["Inv"] = InvocationData.SerializeJob(job).SerializePayload(),
        ["Created"] = createdAt,
        ["Expire"] = Bson.Nullable(expireAt),
        ["State"] = BsonValue.Null,
        ["Params"] = Bson.ToPairs(parameters),
        ["History"] = new BsonArray(),
    };

    public static BsonDocument HistoryEntry(string name, string? reason, DateTime at, IDictionary<string, string?> data) => new()
    {
        ["N"] = name,
        ["R"] = Bson.Nullable(reason),
        ["At"] = at,
        ["D"] = Bson.ToPairs(data),
    };
}
