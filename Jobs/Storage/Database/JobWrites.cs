using Hangfire.Common;
using Hangfire.States;
using LiteDB;

namespace ScimGateway.Jobs.Storage.Database;

/// <summary>Job document writes shared by the connection and the write transaction; callers hold the write lock.</summary>
internal static class JobWrites
{
    public static void Create(LiteDatabase db, long id, Job job, IDictionary<string, string?> parameters, DateTime createdAt, TimeSpan expireIn)
    {
        ArgumentNullException.ThrowIfNull(job);
        db.Col(Collections.Jobs).Insert(JobRecord.NewDocument(id, job, parameters, createdAt, createdAt + expireIn));
    }

    public static void SetParameter(LiteDatabase db, string jobId, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Update(db, jobId, doc =>
        {
            var parameters = Bson.FromPairs(doc["Params"], StringComparer.Ordinal);
            parameters[name] = value!;
            doc["Params"] = Bson.ToPairs(parameters!);
        });
    }

    public static void SetState(LiteDatabase db, DateTime now, string jobId, IState state, bool makeCurrent)
    {
        ArgumentNullException.ThrowIfNull(state);
        // SerializeData runs here, inside the commit: a state that fails to serialize fails the whole commit.
        var data = state.SerializeData();
        Update(db, jobId, doc =>
        {
            if (makeCurrent)
            {
                doc["State"] = state.Name;
                doc["Reason"] = Bson.Nullable(state.Reason);
                doc["Data"] = Bson.ToPairs(data!);
                doc["StateAt"] = now;
            }

            var history = doc["History"].IsArray ? doc["History"].AsArray : new BsonArray();
            history.Add(JobRecord.HistoryEntry(state.Name, state.Reason, now, data!));
            doc["History"] = history;
        });
    }

    public static void SetExpiry(LiteDatabase db, string jobId, DateTime? expireAt) =>
        Update(db, jobId, doc => doc["Expire"] = Bson.Nullable(expireAt));

    private static void Update(LiteDatabase db, string jobId, Action<BsonDocument> change)
    {
        var jobs = db.Col(Collections.Jobs);
        if (JobRecord.TryParseId(jobId, out var id) && jobs.FindById(id) is { } doc)
        {
            change(doc);
            jobs.Update(doc);
        }
    }
}
