using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScimGateway.TestSupport.Loopback;

/// <summary>A real HTTP receiver on a loopback port that records every POST and answers with a settable status.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private LoopbackServer _server = null!;
    private int _attempts;

    private WebhookReceiver()
    {
    }

    /// <summary>The status every request gets; change it while running.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>How long the receiver takes before it answers (a slow receiver keeps the sending job running).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every POST, successful or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Bodies of the POSTs answered 2xx.</summary>
    public IReadOnlyCollection<JsonElement> Delivered => _received;

    /// <summary>The webhook URL to configure: <c>http://127.0.0.1:{port}/hook</c>.</summary>
    public string Url => new Uri(_server.Address, "hook").ToString();

    /// <summary>Starts a receiver that answers 200 until <see cref="Status"/> is changed.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", (Delegate)receiver.ReceiveAsync));
        return receiver;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        var status = Status;
        var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }
        if (status is >= 200 and < 300)
        {
            _received.Enqueue(body.RootElement.Clone());
        }

        return Results.StatusCode(status);
    }
}
