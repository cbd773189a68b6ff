using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScimGateway.TestSupport.Loopback;

/// <summary>A collector stand-in on a loopback port: records the OTLP/HTTP exports it receives (path, content type, size).</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    private OtlpReceiver()
    {
    }

    /// <summary>The collector's base address, ending in <c>/</c>.</summary>
    public Uri Address => _server.Address;

    /// <summary>Every export received, in order.</summary>
    public ConcurrentQueue<(string Path, string? ContentType, long Bytes)> Exports { get; } = new();

    /// <summary>Starts a collector that answers every POST with an empty protobuf response.</summary>
    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.Run(receiver.ReceiveAsync));
        return receiver;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        Exports.Enqueue((context.Request.Path, context.Request.ContentType, body.Length));
        context.Response.ContentType = "application/x-protobuf";
    }
}
