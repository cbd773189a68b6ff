using System.Diagnostics;

namespace ScimGateway.Gateway.Tests.Infrastructure;

/// <summary>
/// Waits for a stopped host to let go of a file. The program's RunAsync disposes its services after the host stops, on
/// the program's own thread, so that can finish a little after the test factory's Dispose returns.
/// </summary>
public static class FileRelease
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Polls until <paramref name="file"/> can be opened exclusively (nobody holds it open any more).</summary>
    public static async Task WaitUntilClosedAsync(string file)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var exclusive = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException) when (watch.Elapsed < Timeout)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Polls until the data directory's lock is free: the host disposed everything it opened there before it.</summary>
    public static Task WaitUntilDataDirectoryReleasedAsync(string dataDirectory) =>
        WaitUntilClosedAsync(Path.Combine(dataDirectory, "gateway.lock"));
}
