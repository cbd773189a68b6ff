using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScimGateway.TestSupport.Loopback;

/// <summary>
/// A real upstream on a loopback port that echoes what it received (method, path, query, headers, body length and
/// SHA-256) as JSON and counts requests. Request headers steer it: <c>X-Echo-Status</c>, <c>X-Echo-Set-{Name}</c>,
/// <c>X-Echo-Delay-Ms</c>, <c>X-Echo-Empty</c> (no body), <c>X-Echo-Download-Bytes</c> (a <see cref="PatternStream"/> body).
/// </summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    /// <summary>A request header <c>X-Echo-Set-Name: value</c> makes the response carry <c>Name: value</c>.</summary>
    public const string SetHeaderPrefix = "X-Echo-Set-";

    private LoopbackServer _server = null!;
    private int _requests;

    private EchoUpstream()
    {
    }

    /// <summary>The upstream's base address, ending in <c>/</c>.</summary>
    public Uri Address => _server.Address;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts an echo upstream with no request body size limit.</summary>
    public static async Task<EchoUpstream> StartAsync()
    {
        var upstream = new EchoUpstream();
        upstream._server = await LoopbackServer.StartAsync(
            app => app.Run(upstream.HandleAsync),
            options => options.Limits.MaxRequestBodySize = null);
        return upstream;
    }

    /// <summary>Stops listening, as an upstream that goes down.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        if (int.TryParse(request.Headers["X-Echo-Delay-Ms"], out var delay))
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith(SetHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Append(header.Key[SetHeaderPrefix.Length..], header.Value);
            }
        }

        context.Response.StatusCode = int.TryParse(request.Headers["X-Echo-Status"], out var status) ? status : 200;
        if (long.TryParse(request.Headers["X-Echo-Download-Bytes"], out var download))
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = download;
            await using var pattern = new PatternStream(download);
            await pattern.CopyToAsync(context.Response.Body, 64 * 1024, context.RequestAborted);
            return;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        var text = new MemoryStream();
        long length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (length < 64 * 1024)
            {
                text.Write(buffer, 0, (int)Math.Min(read, (64 * 1024) - length));
            }

            length += read;
        }

        if (context.Response.StatusCode == StatusCodes.Status204NoContent || request.Headers.ContainsKey("X-Echo-Empty"))
        {
            return;
        }

        var echo = new Dictionary<string, object?>
        {
            ["method"] = request.Method,
            ["path"] = request.Path.Value,
            ["rawTarget"] = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget,
            ["query"] = request.QueryString.Value,
            ["headers"] = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            ["bodyLength"] = length,
            ["bodySha256"] = Convert.ToHexString(hash.GetHashAndReset()),
            ["body"] = Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(echo), context.RequestAborted);
    }
}
