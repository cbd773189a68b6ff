using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Common;
using Npgsql;
using ScimGateway.Jobs;
using ScimGateway.Jobs.Hosting;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// Reads what Hangfire.PostgreSql recorded of a recurring job's runs in the cluster's database (schema <c>hangfire</c>):
/// every background job the scheduler created for it, the occurrence it was created for (Hangfire's <c>Time</c>
/// parameter), its state now, and each time a worker started it (a <c>Processing</c> state, with the server's id).
/// </summary>
public static class HangfireRuns
{
    /// <summary>Every background job created for <paramref name="recurringJobId"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<JobRun>> OfAsync(NpgsqlDataSource database, string recurringJobId)
    {
        await using var command = database.CreateCommand(
            "SELECT j.id::bigint, j.statename, trim(both '\"' from t.value)::bigint, "
            + "  coalesce((SELECT array_agg(s.data::text ORDER BY s.id) FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Processing'), '{}') "
            + "FROM hangfire.job j "
            + "JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId' AND trim(both '\"' from r.value) = $1 "
            + "JOIN hangfire.jobparameter t ON t.jobid = j.id AND t.name = 'Time' "
            + "ORDER BY j.id");
        command.Parameters.Add(new NpgsqlParameter { Value = recurringJobId });
        var runs = new List<JobRun>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var starts = ((string[])reader.GetValue(3)).Select(ServerId).ToList();
            runs.Add(new JobRun(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.IsDBNull(1) ? "" : reader.GetString(1),
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)).UtcDateTime, starts));
        }

        return runs;
    }

    /// <summary>
    /// Runs a recurring job now, as an admin's "Trigger now" on the dashboard does, through the cluster's Hangfire storage
    /// reached directly; returns the background job's id. Hangfire's log provider and filters are process-wide and may
    /// belong to another test's disposed host, so the test brings its own (none: the nodes apply theirs when they run it).
    /// </summary>
    public static string Trigger(string connectionString, string recurringJobId)
    {
        GlobalConfiguration.Configuration.UseNoOpLogProvider();
        var storage = PostgreSqlJobStorage.Create(
            new JobsOptions { Storage = JobStorageKind.PostgreSql, PostgreSqlConnectionString = connectionString }, "test");
        return new RecurringJobManager(storage, new JobFilterCollection()).TriggerJob(recurringJobId);
    }

    /// <summary>The job's runs, for failure messages.</summary>
    public static string Describe(IEnumerable<JobRun> runs) =>
        string.Join("; ", runs.Select(r => $"job {r.JobId} for {r.Time:HH:mm:ss} {r.State} started by [{string.Join(", ", r.StartedBy)}]"));

    private static string ServerId(string processingStateData)
    {
        using var json = JsonDocument.Parse(processingStateData);
        return json.RootElement.GetProperty("ServerId").GetString() ?? "";
    }
}
