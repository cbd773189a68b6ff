using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScimGateway.TestSupport.Loopback;

/// <summary>
/// The <c>qualytics</c> CLI's side of <c>auth login</c>: a one-shot HTTP server on <c>127.0.0.1</c> at a port the OS
/// picks, a random state, and the machine name, then exactly one <c>GET /callback</c> with <c>token</c> and
/// <c>state</c> (or <c>error</c> and <c>state</c>).
/// </summary>
public sealed class CliCallbackServer : IAsyncDisposable
{
    private readonly TaskCompletionSource<CliCallback> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;

    private CliCallbackServer()
    {
    }

    /// <summary>Where the gateway sends the browser back: <c>http://127.0.0.1:{port}/callback</c>.</summary>
    public string RedirectUri => $"http://127.0.0.1:{_server.Address.Port}/callback";

    /// <summary>A fresh random state, URL-safe as the CLI makes it.</summary>
    public string State { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Starts the one-shot callback server.</summary>
    public static async Task<CliCallbackServer> StartAsync()
    {
        var server = new CliCallbackServer();
        server._server = await LoopbackServer.StartAsync(app => app.MapGet("/callback", server.Receive));
        return server;
    }

    /// <summary>The URL the CLI opens: <c>{url}/api/cli/authorize?redirect_uri=...&amp;state=...&amp;hostname=...</c>.</summary>
    public string AuthorizeUrl(string gatewayUrl, string hostname) =>
        $"{gatewayUrl.TrimEnd('/')}/api/cli/authorize?redirect_uri={Uri.EscapeDataString(RedirectUri)}&state={Uri.EscapeDataString(State)}&hostname={Uri.EscapeDataString(hostname)}";

    /// <summary>The one callback, or a failure after the CLI's default wait of 120 s.</summary>
    public Task<CliCallback> ReceivedAsync() => _received.Task.WaitAsync(TimeSpan.FromSeconds(120));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private IResult Receive(HttpRequest request)
    {
        var callback = new CliCallback(
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.Referer.ToString());
        return _received.TrySetResult(callback)
            ? Results.Content("<!DOCTYPE html><title>qualytics CLI</title><h1>Authentication complete</h1>", "text/html")
            : Results.NotFound();
    }
}
