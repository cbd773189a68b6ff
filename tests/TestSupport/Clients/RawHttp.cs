using System.Net.Sockets;
using System.Text;

namespace ScimGateway.TestSupport.Clients;

/// <summary>
/// HTTP/1.1 over a plain socket, for what HttpClient would normalise away: raw request targets (<c>/api/x/../y</c>,
/// backslashes, absolute form), repeated header lines, and chunked bodies that the client stops sending as soon as the
/// server has answered.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends a request head (request line and headers; <c>Connection: close</c> and the blank line are added) and reads the response.</summary>
    public static async Task<RawResponse> SendAsync(Uri server, string requestLine, IEnumerable<string> headers, byte[]? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(server, requestLine, headers, body?.Length));
        if (body is not null)
        {
            await stream.WriteAsync(body);
        }

        return await ReadResponseAsync(stream);
    }

    /// <summary>
    /// Sends a chunked body of up to <paramref name="totalBytes"/> bytes in 16 KiB chunks, stopping when the server has
    /// answered or closed the connection. Returns the response and how many body bytes were written.
    /// </summary>
    public static async Task<(RawResponse Response, long BytesSent)> SendChunkedAsync(Uri server, string requestLine, IEnumerable<string> headers,
        long totalBytes, byte fill = (byte)'a', byte[]? prefix = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(server, requestLine, headers.Append("Transfer-Encoding: chunked"), null));
        var reading = ReadResponseAsync(stream);
        long sent = 0;
        try
        {
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, fill);
            while (sent < totalBytes && !reading.IsCompleted)
            {
                var payload = prefix is not null && sent == 0 ? prefix.AsMemory() : chunk.AsMemory(0, (int)Math.Min(chunk.Length, totalBytes - sent));
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{payload.Length:x}\r\n"));
                await stream.WriteAsync(payload);
                await stream.WriteAsync("\r\n"u8.ToArray());
                sent += payload.Length;
            }

            if (!reading.IsCompleted)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering: it stopped reading, which is the point.
        }

        return (await reading, sent);
    }

    private static byte[] Head(Uri server, string requestLine, IEnumerable<string> headers, int? contentLength)
    {
        var head = new StringBuilder();
        head.Append(requestLine).Append("\r\n");
        head.Append("Host: ").Append(server.Authority).Append("\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (contentLength is { } length)
        {
            head.Append("Content-Length: ").Append(length).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }

    private static async Task<RawResponse> ReadResponseAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the response arrived (the server closed with unread request bytes pending).
        }

        return RawResponse.Parse(received.ToArray());
    }
}
