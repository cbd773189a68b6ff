using System.Net.Sockets;
using System.Text;

namespace ScimGateway.Gateway.Tests.Hardening;

/// <summary>
/// Sends a request exactly as written, over a plain socket. HttpClient normalises request targets (it removes dot
/// segments and may re-escape), which would hide the very disguises these tests are about.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="method"/> <paramref name="target"/> with the given extra header lines and an
    /// optional body; returns the status code the server answered (0 if it closed without a status line).</summary>
    public static async Task<int> SendAsync(Uri server, string method, string target, IEnumerable<string>? headers = null, byte[]? body = null, bool chunked = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(server.Authority).Append("\r\n");
        head.Append("Connection: close\r\n");
        foreach (var header in headers ?? [])
        {
            head.Append(header).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()));
        try
        {
            if (body is not null)
            {
                await WriteBodyAsync(stream, body, chunked);
            }
        }
        catch (IOException)
        {
            // The server may answer (413) and close before the whole body is sent; its answer is still there to read.
        }

        return await ReadStatusAsync(stream);
    }

    private static async Task WriteBodyAsync(NetworkStream stream, byte[] body, bool chunked)
    {
        if (!chunked)
        {
            await stream.WriteAsync(body);
            return;
        }

        const int chunk = 16 * 1024;
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            var length = Math.Min(chunk, body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
            await stream.WriteAsync(body.AsMemory(offset, length));
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[64];
        var read = 0;
        try
        {
            while (read < 12)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read));
                if (n == 0)
                {
                    break;
                }

                read += n;
            }
        }
        catch (IOException)
        {
        }

        // "HTTP/1.1 400 ..." -> the three digits after the first space.
        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.Length >= 12 && int.TryParse(line.AsSpan(9, 3), out var status) ? status : 0;
    }
}
