using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>
/// Storage facts written once and run against every storage: Hangfire.InMemory is the oracle, LiteDB must agree with it.
/// Facts that need to move the storage's clock live in the LiteDB subclass (InMemory 1.0 cannot take a clock).
/// </summary>
public abstract partial class JobStorageFacts : IDisposable
{
    private JobStorage? _storage;

    /// <summary>Starts at the real time so date-keyed counters and InMemory's own clock agree.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected JobStorage Storage => _storage ??= CreateStorage(Clock);

    protected abstract JobStorage CreateStorage(TimeProvider timeProvider);

    public virtual void Dispose()
    {
        (_storage as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected JobStorageConnection Connect() => (JobStorageConnection)Storage.GetConnection();

    protected static Job EmptyJob(string? queue = null) =>
        queue is null ? Job.FromExpression(() => TestJobs.Empty()) : Job.FromExpression(() => TestJobs.Empty(), queue);

    protected string CreateJob(JobStorageConnection connection, IDictionary<string, string>? parameters = null) =>
        connection.CreateExpiredJob(EmptyJob(), parameters ?? new Dictionary<string, string>(), DateTime.UtcNow, TimeSpan.FromHours(1));

    protected static void Commit(JobStorageConnection connection, Action<JobStorageTransaction> write)
    {
        using var transaction = (JobStorageTransaction)connection.CreateWriteTransaction();
        write(transaction);
        transaction.Commit();
    }

    protected string CreateJobInState(JobStorageConnection connection, IState state, string? queue = null)
    {
        var id = CreateJob(connection);
        Commit(connection, t =>
        {
            t.SetJobState(id, state);
            if (queue is not null)
            {
                t.AddToQueue(queue, id);
            }
        });
        return id;
    }

    /// <summary>A token for waits that should end at once: a broken storage fails the test instead of hanging the run.</summary>
    protected internal static CancellationToken Soon() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    protected JobStorageMonitor Monitor() => (JobStorageMonitor)Storage.GetMonitoringApi();

    /// <summary>Processing as a worker records it (Hangfire's own ProcessingState constructor is internal).</summary>
    protected static IState Processing(string serverId, string workerId) => new TestState(ProcessingState.StateName, new Dictionary<string, string>
    {
        ["StartedAt"] = JobHelper.SerializeDateTime(DateTime.UtcNow),
        ["ServerId"] = serverId,
        ["WorkerId"] = workerId,
    });

    protected sealed class TestState(string name, Dictionary<string, string> data) : IState
    {
        public string Name => name;

        public string? Reason => null;

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => data;
    }

    /// <summary>A state whose data cannot be serialized: makes a commit fail part-way.</summary>
    protected sealed class BrokenState : IState
    {
        public string Name => "Broken";

        public string Reason => "fails to serialize";

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => throw new InvalidOperationException("State data cannot be serialized.");
    }
}
