using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using ScimGateway.Jobs;
using ScimGateway.Jobs.Hosting;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>Hangfire.PostgreSql as cluster mode uses it: two job servers (two nodes) on one database.</summary>
public sealed class PostgreSqlJobStorageTests
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<Run>> Runs = new();

    [PostgreSqlFact]
    public async Task A_recurring_job_runs_once_per_schedule_across_two_servers()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var options = new JobsOptions { Storage = JobStorageKind.PostgreSql, PostgreSqlConnectionString = database.ConnectionString };
        var recurringJobId = "tick-" + Guid.NewGuid().ToString("N");
        var runs = Runs.GetOrAdd(recurringJobId, _ => []);

        // Hangfire's log provider and job activator are process-wide: a gateway host of another test sets them to its
        // own services and disposes those when it stops. This test has no host, so it brings its own filters and
        // activator (the static job needs none of a host's) and must not inherit a disposed logger factory.
        GlobalConfiguration.Configuration.UseNoOpLogProvider();
        var filters = new JobFilterCollection();
        var activator = new JobActivator();

        // Two storages as two nodes would have, each with a server polling schedules every second.
        var storages = new[] { PostgreSqlJobStorage.Create(options, "node-0"), PostgreSqlJobStorage.Create(options, "node-1") };
        new RecurringJobManager(storages[0], filters).AddOrUpdate(recurringJobId, Job.FromExpression(() => Record(recurringJobId, null!)), "*/2 * * * * *");
        var servers = storages.Select((storage, i) => new BackgroundJobServer(
            new BackgroundJobServerOptions { ServerName = $"node-{i}", WorkerCount = 2, SchedulePollingInterval = TimeSpan.FromSeconds(1), FilterProvider = filters, Activator = activator },
            storage)).ToList();
        try
        {
            // Several occurrences (every 2 s), bounded: poll until enough runs were recorded. The bound is generous
            // because a loaded machine (the whole suite on two cores) delays Hangfire's polling.
            // Two occurrences suffice for the claim; under the whole suite's load a run of three took over two minutes.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (runs.Count < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                server.SendStop();
            }

            foreach (var server in servers)
            {
                server.Dispose();
            }
        }

        var recorded = runs.ToList();
        var described = string.Join(", ", recorded.Select(r => $"job {r.JobId} for {r.ScheduledTime}"));
        Assert.True(recorded.Count >= 2, $"only {recorded.Count} runs were recorded: {described}");
        Assert.True(recorded.Count == recorded.Select(r => r.JobId).Distinct().Count(), $"a job ran twice: {described}");
        Assert.True(recorded.Count == recorded.Select(r => r.ScheduledTime).Distinct().Count(), $"an occurrence ran twice: {described}");
        Assert.All(recorded, r => Assert.NotNull(r.ScheduledTime));
    }

    /// <summary>The recurring job: records which background job ran and for which scheduled occurrence.</summary>
    public static void Record(string recurringJobId, PerformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Runs[recurringJobId].Add(new Run(context.BackgroundJob.Id, context.GetJobParameter<long?>("Time")));
    }

    private sealed record Run(string JobId, long? ScheduledTime);
}
