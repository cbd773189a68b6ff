using Hangfire.Server;

namespace ScimGateway.Jobs.Host;

/// <summary>
/// Jobs that leave marker files (<c>{jobId}.started.*</c>, <c>{jobId}.finished.*</c>, one file per run) so another
/// process can count runs, including runs of a process that was killed.
/// </summary>
public static class MarkerJobs
{
    /// <summary>While this file is missing from the marker directory, <see cref="Slow"/> keeps running.</summary>
    public const string ReleaseFileName = "release-slow";

    /// <summary>Marks its start and finish at once.</summary>
    public static void Fast(string markerDirectory, PerformContext? context)
    {
        var jobId = JobIdOf(context);
        Mark(markerDirectory, jobId, "started");
        Mark(markerDirectory, jobId, "finished");
    }

    /// <summary>Marks its start, then runs until the release file exists (or the server stops), then marks its finish.</summary>
    public static void Slow(string markerDirectory, PerformContext? context, CancellationToken cancellationToken)
    {
        var jobId = JobIdOf(context);
        Mark(markerDirectory, jobId, "started");
        while (!File.Exists(Path.Combine(markerDirectory, ReleaseFileName)))
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(50));
            cancellationToken.ThrowIfCancellationRequested();
        }

        Mark(markerDirectory, jobId, "finished");
    }

    /// <summary>How many runs of the job reached <paramref name="stage"/> ("started" or "finished").</summary>
    public static int Count(string markerDirectory, string jobId, string stage) =>
        Directory.GetFiles(markerDirectory, $"{jobId}.{stage}.*").Length;

    private static string JobIdOf(PerformContext? context) =>
        context?.BackgroundJob.Id ?? throw new InvalidOperationException("Hangfire passes the PerformContext to marker jobs.");

    private static void Mark(string markerDirectory, string jobId, string stage) =>
        File.WriteAllText(Path.Combine(markerDirectory, $"{jobId}.{stage}.{Guid.NewGuid():N}"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
