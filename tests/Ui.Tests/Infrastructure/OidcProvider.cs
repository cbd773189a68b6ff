using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>
/// A real OpenID provider for the browser tests: node-oidc-provider (Oidc/provider.mjs) on a loopback port, one per
/// test class. Runs <c>npm ci</c> in Oidc/ when its packages are missing (CI runs it beforehand). Without Node.js the
/// tests fail with a message; they never skip.
/// </summary>
public sealed class OidcProvider : IAsyncLifetime
{
    private Process? _process;

    public string Issuer { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "Ui.Tests", "Oidc");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "oidc-provider")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", directory);
        }

        var start = new ProcessStartInfo("node", "provider.mjs")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The OpenID provider exited before it listened.");
        Issuer = JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!;
    }

    /// <summary>Registers a client for a gateway on <paramref name="port"/> (RFC 7591) and returns its id and secret.</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterClientAsync(int port)
    {
        using var http = new HttpClient();
        var bases = new[] { $"http://localhost:{port}", $"http://127.0.0.1:{port}" };
        var response = await http.PostAsJsonAsync(Issuer + "/reg", new Dictionary<string, object>
        {
            ["redirect_uris"] = bases.Select(b => b + "/signin-oidc").ToArray(),
            ["post_logout_redirect_uris"] = bases.Select(b => b + "/signout-callback-oidc").ToArray(),
            ["token_endpoint_auth_method"] = "client_secret_post",
            ["response_types"] = new[] { "code" },
            ["grant_types"] = new[] { "authorization_code" },
            ["client_name"] = "ScimGateway",
        });
        response.EnsureSuccessStatusCode();
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (client.GetProperty("client_id").GetString()!, client.GetProperty("client_secret").GetString()!);
    }

    /// <summary>A gateway on a fresh loopback port, registered at this provider and configured to sign in through it.</summary>
    public async Task<KestrelGateway> StartGatewayAsync(Action<KestrelGateway>? configure = null, string? clientSecret = null)
    {
        var port = LoopbackPort.Free();
        var (clientId, secret) = await RegisterClientAsync(port);
        return new KestrelGateway(port: port, configure: gateway =>
        {
            gateway.WithSetting("Authentication:Oidc:Authority", Issuer)
                .WithSetting("Authentication:Oidc:ClientId", clientId)
                .WithSetting("Authentication:Oidc:ClientSecret", clientSecret ?? secret)
                .WithSetting("Authentication:Oidc:RequireHttpsMetadata", "false")
                .WithSetting("Authentication:Oidc:DisplayName", "Test IdP");
            configure?.Invoke(gateway);
        });
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }


    private static async Task RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} could not be started.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' in {directory} failed with exit code {process.ExitCode}.");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScimGateway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ScimGateway.sln) was not found above " + AppContext.BaseDirectory);
    }
}
