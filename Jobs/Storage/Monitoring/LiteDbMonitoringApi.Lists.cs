using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.Monitoring;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;
using ScimGateway.Jobs.Storage.Queues;

namespace ScimGateway.Jobs.Storage.Monitoring;

internal sealed partial class LiteDbMonitoringApi
{
    public override JobList<EnqueuedJobDto> EnqueuedJobs(string queue, int from, int perPage) =>
        store.Read(db => Enqueued(db, queue, from, perPage));

    public override JobList<FetchedJobDto> FetchedJobs(string queue, int from, int perPage) => store.Read(db =>
        new JobList<FetchedJobDto>(FetchedEntries(db, queue).OrderBy(e => e["_id"].AsInt64).Skip(from).Take(perPage)
            .Select(e => (Entry: e, Record: JobRecord.Find(db, e["JobId"].AsString)))
            .Where(x => x.Record is not null)
            .Select(x =>
            {
                var (job, error, invocation) = Load(x.Record!);
                return new KeyValuePair<string, FetchedJobDto>(x.Record!.Id, new FetchedJobDto
                {
                    Job = job,
                    LoadException = error,
                    InvocationData = invocation,
                    State = x.Record.StateName,
                    FetchedAt = Bson.Date(x.Entry["FetchedAt"]),
                });
            })));

    public override JobList<ProcessingJobDto> ProcessingJobs(int from, int count) =>
        Jobs(ProcessingState.StateName, from, count, (r, inState, d) => new ProcessingJobDto
        {
            Job = d.Job, LoadException = d.Error, InvocationData = d.Invocation, InProcessingState = inState, StateData = r.StateData,
            ServerId = r.StateData.GetValueOrDefault("ServerId") ?? r.StateData.GetValueOrDefault("ServerName"),
            StartedAt = Date(r, "StartedAt"),
        });

    public override JobList<ScheduledJobDto> ScheduledJobs(int from, int count) =>
        Jobs(ScheduledState.StateName, from, count, (r, inState, d) => new ScheduledJobDto
        {
            Job = d.Job, LoadException = d.Error, InvocationData = d.Invocation, InScheduledState = inState, StateData = r.StateData,
            EnqueueAt = Date(r, "EnqueueAt") ?? default,
            ScheduledAt = Date(r, "ScheduledAt"),
        });

    public override JobList<SucceededJobDto> SucceededJobs(int from, int count) =>
        Jobs(SucceededState.StateName, from, count, (r, inState, d) => new SucceededJobDto
        {
            Job = d.Job, LoadException = d.Error, InvocationData = d.Invocation, InSucceededState = inState, StateData = r.StateData,
            Result = r.StateData.GetValueOrDefault("Result"),
            TotalDuration = Long(r, "PerformanceDuration") + Long(r, "Latency"),
            SucceededAt = Date(r, "SucceededAt"),
        });

    public override JobList<FailedJobDto> FailedJobs(int from, int count) =>
        Jobs(FailedState.StateName, from, count, (r, inState, d) => new FailedJobDto
        {
            Job = d.Job, LoadException = d.Error, InvocationData = d.Invocation, InFailedState = inState, StateData = r.StateData,
            Reason = r.StateReason,
            FailedAt = Date(r, "FailedAt"),
            ExceptionType = r.StateData.GetValueOrDefault("ExceptionType"),
            ExceptionMessage = r.StateData.GetValueOrDefault("ExceptionMessage"),
            ExceptionDetails = r.StateData.GetValueOrDefault("ExceptionDetails"),
        });

    public override JobList<DeletedJobDto> DeletedJobs(int from, int count) =>
        Jobs(DeletedState.StateName, from, count, (r, inState, d) => new DeletedJobDto
        {
            Job = d.Job, LoadException = d.Error, InvocationData = d.Invocation, InDeletedState = inState, StateData = r.StateData,
            DeletedAt = Date(r, "DeletedAt"),
        });

    public override JobList<AwaitingJobDto> AwaitingJobs(int from, int count) => store.Read(db =>
    {
        var page = Page(db, AwaitingState.StateName, from, count);
        return new JobList<AwaitingJobDto>(page.Select(r =>
        {
            var (job, error, invocation) = Load(r);
            var parentId = r.StateData.GetValueOrDefault("ParentId");
            return new KeyValuePair<string, AwaitingJobDto>(r.Id, new AwaitingJobDto
            {
                Job = job, LoadException = error, InvocationData = invocation, InAwaitingState = true, StateData = r.StateData,
                AwaitingAt = r.History.Count > 0 ? Bson.Date(r.History[^1]["At"]) : null,
                ParentStateName = parentId is null ? null : JobRecord.Find(db, parentId)?.StateName,
            });
        }));
    });

    private JobList<T> Jobs<T>(string state, int from, int count, Func<JobRecord, bool, (Job? Job, JobLoadException? Error, Hangfire.Storage.InvocationData Invocation), T> map) =>
        store.Read(db => new JobList<T>(Page(db, state, from, count)
            .Select(r => new KeyValuePair<string, T>(r.Id, map(r, r.StateName == state, Load(r))))));

    /// <summary>Jobs currently in a state, newest first, as the dashboard pages them.</summary>
    private static List<JobRecord> Page(LiteDatabase db, string state, int from, int count) =>
        db.Col(Collections.Jobs).Query().Where(Query.EQ("State", state)).OrderByDescending("_id").Skip(from).Limit(count)
            .ToList().Select(JobRecord.From).ToList();

    private static JobList<EnqueuedJobDto> Enqueued(LiteDatabase db, string queue, int from, int perPage) =>
        new(db.Col(Collections.Queue).Find(QueueKeys.WaitingIn(queue)).OrderBy(e => e["_id"].AsInt64).Skip(from).Take(perPage)
            .Select(e => JobRecord.Find(db, e["JobId"].AsString))
            .Where(r => r is not null)
            .Select(r =>
            {
                var (job, error, invocation) = Load(r!);
                var inState = r!.StateName == EnqueuedState.StateName;
                return new KeyValuePair<string, EnqueuedJobDto>(r.Id, new EnqueuedJobDto
                {
                    Job = job, LoadException = error, InvocationData = invocation, State = r.StateName, InEnqueuedState = inState,
                    StateData = r.StateData,
                    EnqueuedAt = inState ? Date(r, "EnqueuedAt") : null,
                });
            }));

    private static DateTime? Date(JobRecord record, string key) =>
        JobHelper.DeserializeNullableDateTime(record.StateData.GetValueOrDefault(key));

    private static long? Long(JobRecord record, string key) =>
        long.TryParse(record.StateData.GetValueOrDefault(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
