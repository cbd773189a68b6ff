using System.Diagnostics;

namespace ScimGateway.TestSupport.Processes;

/// <summary>Runs the gateway executable as a command (<c>tokens issue ...</c>) to its exit, the way an operator would.</summary>
public static class CliProcess
{
    /// <summary>What the command returned and wrote.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <c>ScimGateway {args}</c> on <paramref name="dataDirectory"/>; fails after 60 s.</summary>
    public static async Task<Result> RunAsync(string dataDirectory, params string[] args)
    {
        using var process = Process.Start(GatewayExecutable.StartInfo(dataDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
