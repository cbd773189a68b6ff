using System.Diagnostics;

namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>Runs the gateway executable with <c>Storage:Provider=PostgreSql</c> against a given database.</summary>
public static class PostgreSqlGatewayProcess
{
    public static async Task<CliProcessResult> RunAsync(string workingDirectory, string? connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ScimGateway.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__Provider"] = "PostgreSql";
        start.Environment["Storage__DataDirectory"] = workingDirectory;
        start.Environment["ConnectionStrings__Postgres"] = connectionString ?? string.Empty;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record CliProcessResult(int ExitCode, string StandardOutput, string StandardError);
