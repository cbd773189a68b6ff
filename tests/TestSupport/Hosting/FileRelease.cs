using System.Diagnostics;

namespace ScimGateway.TestSupport.Hosting;

/// <summary>
/// Waits for a stopped host to let go of a file. The program's RunAsync disposes its services after the host stops, on
/// the program's own thread, so that can finish a little after the test factory's Dispose returns.
/// </summary>
public static class FileRelease
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls until <paramref name="file"/> can be opened exclusively (nobody holds it open any more, or it is gone).</summary>
    public static async Task WaitUntilClosedAsync(string file)
    {
        var watch = Stopwatch.StartNew();
        while (!IsClosed(file, watch))
        {
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// Blocks until the data directory's lock is free: the host disposed everything it opened there before it. For
    /// dispose paths, which cannot await.
    /// </summary>
    public static void WaitUntilDataDirectoryReleased(string dataDirectory)
    {
        var watch = Stopwatch.StartNew();
        while (!IsClosed(Path.Combine(dataDirectory, "gateway.lock"), watch))
        {
            Thread.Sleep(PollInterval);
        }
    }

    private static bool IsClosed(string file, Stopwatch watch)
    {
        try
        {
            using var exclusive = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
        catch (IOException) when (watch.Elapsed < Timeout)
        {
            return false;
        }
    }
}
