using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;
using ScimGateway.Jobs.Storage.Queues;

namespace ScimGateway.Jobs.Storage.Monitoring;

/// <summary>The dashboard's reads: queues, servers, job details, statistics, the paged job lists and the graphs.</summary>
internal sealed partial class LiteDbMonitoringApi(LiteDbStore store) : JobStorageMonitor
{
    private const int TopJobsPerQueue = 5;

    public override IList<QueueWithTopEnqueuedJobsDto> Queues() => store.Read(db =>
        QueueNames(db).Select(name => new QueueWithTopEnqueuedJobsDto
        {
            Name = name,
            Length = db.Col(Collections.Queue).Count(QueueKeys.WaitingIn(name)),
            Fetched = FetchedEntries(db, name).Count(),
            FirstJobs = Enqueued(db, name, 0, TopJobsPerQueue),
        }).ToList());

    public override IList<ServerDto> Servers() => store.Read(db =>
        db.Col(Collections.Servers).FindAll().Select(s => new ServerDto
        {
            Name = s["_id"].AsString,
            WorkersCount = s["Workers"].AsInt32,
            Queues = s["Queues"].AsArray.Select(q => q.AsString).ToList(),
            StartedAt = Bson.Date(s["Started"]) ?? default,
            Heartbeat = Bson.Date(s["Heartbeat"]),
        }).ToList());

    public override JobDetailsDto JobDetails(string jobId) => store.Read(db =>
    {
        var record = JobRecord.Find(db, jobId);
        if (record is null)
        {
            return null!;
        }

        var (job, error) = record.LoadJob();
        return new JobDetailsDto
        {
            Job = job,
            LoadException = error,
            InvocationData = record.Invocation,
            CreatedAt = record.CreatedAt,
            ExpireAt = record.ExpireAt,
            Properties = record.Parameters,
            // Newest first, as every Hangfire storage returns it.
            History = record.History.AsEnumerable().Reverse().Select(h => new StateHistoryDto
            {
                StateName = h["N"].AsString,
                Reason = Bson.String(h["R"]),
                CreatedAt = Bson.Date(h["At"]) ?? default,
                Data = Bson.FromPairs(h["D"], StringComparer.OrdinalIgnoreCase),
            }).ToList(),
        };
    });

    public override StatisticsDto GetStatistics() => store.Read(db => new StatisticsDto
    {
        Enqueued = StateCount(db, EnqueuedState.StateName),
        Failed = StateCount(db, FailedState.StateName),
        Processing = StateCount(db, ProcessingState.StateName),
        Scheduled = StateCount(db, ScheduledState.StateName),
        Awaiting = StateCount(db, AwaitingState.StateName),
        Servers = db.Col(Collections.Servers).Count(),
        Succeeded = Counter(db, "stats:succeeded"),
        Deleted = Counter(db, "stats:deleted"),
        Recurring = db.Col(Collections.Sets).Count(Query.EQ("Key", "recurring-jobs")),
        Retries = db.Col(Collections.Sets).Count(Query.EQ("Key", "retries")),
        Queues = QueueNames(db).Count,
    });

    public override long ScheduledCount() => store.Read(db => StateCount(db, ScheduledState.StateName));

    public override long EnqueuedCount(string queue) => store.Read(db => (long)db.Col(Collections.Queue).Count(QueueKeys.WaitingIn(queue)));

    public override long FetchedCount(string queue) => store.Read(db => (long)FetchedEntries(db, queue).Count());

    public override long FailedCount() => store.Read(db => StateCount(db, FailedState.StateName));

    public override long ProcessingCount() => store.Read(db => StateCount(db, ProcessingState.StateName));

    public override long SucceededListCount() => store.Read(db => StateCount(db, SucceededState.StateName));

    public override long DeletedListCount() => store.Read(db => StateCount(db, DeletedState.StateName));

    public override long AwaitingCount() => store.Read(db => StateCount(db, AwaitingState.StateName));

    private static long StateCount(LiteDatabase db, string state) => db.Col(Collections.Jobs).Count(Query.EQ("State", state));

    private static long Counter(LiteDatabase db, string key) =>
        db.Col(Collections.Counters).FindById(key) is { } doc ? doc["V"].AsInt64 : 0;

    private static List<string> QueueNames(LiteDatabase db) =>
        db.Col(Collections.Queue).FindAll().Select(e => e["Queue"].AsString).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<BsonDocument> FetchedEntries(LiteDatabase db, string queue) =>
        db.Col(Collections.Queue).Find(QueueKeys.HeldEntries).Where(e => e["Queue"].AsString == queue);

    private static (Job? Job, JobLoadException? Error, InvocationData Invocation) Load(JobRecord record)
    {
        var (job, error) = record.LoadJob();
        return (job, error, record.Invocation);
    }
}
