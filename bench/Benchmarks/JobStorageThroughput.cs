using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.InMemory;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Benchmarks;

/// <summary>
/// Enqueue-to-succeeded throughput of empty jobs through a real <see cref="BackgroundJobServer"/> with 2 workers, LiteDB
/// storage against Hangfire.InMemory in the same run. A plain measured run: BenchmarkDotNet's many short iterations do not
/// fit a pipeline that needs a server start and a drain per measurement.
/// </summary>
public static class JobStorageThroughput
{
    /// <summary>An empty job body.</summary>
    public static void Empty()
    {
    }

    /// <summary>Runs the comparison and prints a Markdown table; args: [jobs per round] [rounds].</summary>
    public static void Run(string[] args)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var directory = Path.Combine(Path.GetTempPath(), "jobstorage-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine($"{jobs} empty jobs per round, {rounds} rounds, 2 workers, {Environment.ProcessorCount} cores");
            Console.WriteLine();
            Console.WriteLine("| storage | round jobs/s | median jobs/s |");
            Console.WriteLine("|---|---|---|");
            using (var inMemory = new InMemoryStorage())
            {
                Report("Hangfire.InMemory 1.0.0", Measure(inMemory, jobs, rounds));
            }

            using (var liteDb = new LiteDbJobStorage(Path.Combine(directory, "jobs.db"), new LiteDbStorageOptions()))
            {
                Report("LiteDbJobStorage (LiteDB 5.0.21)", Measure(liteDb, jobs, rounds));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<double> Measure(JobStorage storage, int jobs, int rounds)
    {
        var client = new BackgroundJobClient(storage);
        using var monitor = storage.GetConnection();
        var results = new List<double>();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 2 }, storage);
        Drain(client, monitor, Math.Min(200, jobs)); // warm-up: JIT, server start, first file growth
        for (var round = 0; round < rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            Drain(client, monitor, jobs);
            results.Add(jobs / Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return results;
    }

    /// <summary>Enqueues the jobs and waits until every one of them has succeeded.</summary>
    private static void Drain(BackgroundJobClient client, Hangfire.Storage.IStorageConnection monitor, int jobs)
    {
        // One counter read per poll: the dashboard statistics would scan whole collections and steal the workers' CPU.
        var target = Succeeded(monitor) + jobs;
        for (var i = 0; i < jobs; i++)
        {
            client.Enqueue(() => Empty());
        }

        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 600);
        while (Succeeded(monitor) < target)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("Jobs did not drain within 10 minutes.");
            }

            Thread.Sleep(20);
        }
    }

    private static long Succeeded(Hangfire.Storage.IStorageConnection connection) =>
        ((Hangfire.Storage.JobStorageConnection)connection).GetCounter("stats:succeeded");

    private static void Report(string name, List<double> rates)
    {
        var median = rates.Order().ElementAt(rates.Count / 2);
        var each = string.Join(", ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)));
        Console.WriteLine($"| {name} | {each} | {median.ToString("F0", CultureInfo.InvariantCulture)} |");
    }
}
