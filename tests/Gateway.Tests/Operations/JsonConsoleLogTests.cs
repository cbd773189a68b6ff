using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ScimGateway.Gateway.Tests.Cli;
using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Operations;

/// <summary>The JSON log switch, on the real executable's console, the way a log shipper reads it.</summary>
public sealed class JsonConsoleLogTests
{
    [Fact]
    public async Task JsonSwitch_WritesOneJsonObjectPerLine_WithTraceAndSpanIdsOnTheRequestLine_AndNoToken()
    {
        await using var upstream = await EchoUpstream.StartAsync();
        using var data = new TempDirectory();
        var issued = await CliProcess.RunAsync(data.Path, "tokens", "issue", "--service-user", "json-logs", "--name", "t");
        Assert.Equal(0, issued.ExitCode);
        var token = issued.StandardOutput.Trim();
        var port = LoopbackPort.Free();

        var start = GatewayExecutable.StartInfo(data.Path, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["Jobs__ServerEnabled"] = "false",
            ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = upstream.Address.ToString(),
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__ScimGateway.ProxyRequests"] = "Information",
        });
        var lines = new ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilAsync(async () => (await TryGetAsync(client, "/healthz/live")) == HttpStatusCode.OK, "the gateway did not start");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/datastores");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

            JsonElement? requestLine = null;
            await WaitUntilAsync(() =>
            {
                requestLine = lines.Select(Parse).FirstOrDefault(l => l is { } e && e.TryGetProperty("EventId", out var id) && id.GetInt32() == 7001);
                return Task.FromResult(requestLine is not null);
            }, "no request log line");

            Assert.All(lines.Where(l => l.Length > 0), l => Assert.NotNull(Parse(l)));
            var scopes = requestLine!.Value.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var t) && t.GetString()!.Length == 32);
            Assert.Contains(scopes, s => s.TryGetProperty("SpanId", out var t) && t.GetString()!.Length == 16);
            Assert.Equal(200, requestLine.Value.GetProperty("State").GetProperty("StatusCode").GetInt32());
            Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static JsonElement? Parse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string path)
    {
        try
        {
            return (await client.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), failure);
            await Task.Delay(100);
        }
    }
}
