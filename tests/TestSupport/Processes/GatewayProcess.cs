using System.Diagnostics;
using System.Text;

namespace ScimGateway.TestSupport.Processes;

/// <summary>
/// The gateway executable as its own process on a free loopback port, the way an operator runs it: a crash here is a
/// crash of the service, not of the test host. Output is kept so a failure can show why the process ended.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The operating system's id of the process (Hangfire puts it in the node's server id).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has ended (a crash, when the test did not stop it).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the gateway in Production mode on a free port with <paramref name="environment"/> added, and waits until it serves.</summary>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var start = GatewayExecutable.StartInfo(dataDirectory, [], settings);
        var process = Process.Start(start)!;
        var gateway = new GatewayProcess(process, address);
        process.OutputDataReceived += (_, e) => gateway.Append(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await gateway.WaitUntilServingAsync();
        return gateway;
    }

    /// <summary>
    /// Kills the process with SIGKILL (no shutdown, no flush: a crash or an out-of-memory kill) and waits until it is
    /// gone; the object stays disposable.
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Kills the process (and any children) if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("healthz");
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The gateway did not answer within 60 s:\n{Output}");
    }
}
