using System.Diagnostics;

namespace ScimGateway.TestSupport.Processes;

/// <summary>
/// How a test starts the gateway executable (<c>dotnet ScimGateway.dll</c> from the test's output folder) as its own
/// process, the way an operator runs it: as a server (<see cref="GatewayProcess"/>) or as a command
/// (<see cref="CliProcess"/>). Output is redirected; the data directory is both the working directory and
/// <c>Storage:DataDirectory</c>.
/// </summary>
public static class GatewayExecutable
{
    /// <summary>The start info for <c>dotnet ScimGateway.dll {args}</c> on <paramref name="dataDirectory"/>.</summary>
    public static ProcessStartInfo StartInfo(string dataDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ScimGateway.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
