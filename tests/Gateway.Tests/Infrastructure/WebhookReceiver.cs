using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ScimGateway.Gateway.Tests.Infrastructure;

/// <summary>A real HTTP receiver on a loopback port that records every POST and answers with a settable status.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private int _attempts;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status every request gets; change it while running.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>Every POST, successful or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Bodies of the POSTs answered 2xx.</summary>
    public IReadOnlyCollection<JsonElement> Delivered => _received;

    public string Url => _app.Urls.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            Interlocked.Increment(ref receiver._attempts);
            var status = receiver.Status;
            var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (status is >= 200 and < 300)
            {
                receiver._received.Enqueue(body.RootElement.Clone());
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
