namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>Job methods the gateway tests enqueue directly (outside the Jobs module, so its retry policy does not apply).</summary>
public static class TestJobs
{
    public static void Noop()
    {
    }

    /// <summary>A job that stays Failed when it fails (Hangfire's global filter would turn a failure into a retry).</summary>
    [Hangfire.AutomaticRetry(Attempts = 0)]
    public static void NoRetry()
    {
    }

    /// <summary>Fails its first run and succeeds after; runs are counted in a file so they survive a host restart.</summary>
    [Hangfire.AutomaticRetry(Attempts = 2, DelaysInSeconds = [RetryDelaySeconds])]
    public static void FailOnce(string attemptsFile)
    {
        File.AppendAllText(attemptsFile, "run\n");
        if (File.ReadAllLines(attemptsFile).Length == 1)
        {
            throw new InvalidOperationException("The first run fails on purpose.");
        }
    }

    /// <summary>Long enough that a retry is still pending when the test host has stopped, short enough to wait for.</summary>
    public const int RetryDelaySeconds = 5;
}
