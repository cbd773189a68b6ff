using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScimGateway.Gateway.Tests.Cli;
using ScimGateway.Gateway.Tests.Edge;
using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Hardening;

/// <summary>
/// Thousands of hostile requests of every kind the hardening work closed, fired at the real gateway process: the
/// process must stay up, never answer 5xx, forward none of the disguised requests upstream, and still proxy an
/// ordinary call afterwards.
/// </summary>
public sealed class HostileBarrageTests
{
    private const int Seed = 20261202;
    private const string Scim = "/api/scim/v2";

    [Fact]
    public async Task Barrage_OfHostileRequests_ProcessSurvives_NoServerError_NothingDisguisedForwarded()
    {
        using var directory = new TempDirectory();
        var apiToken = await CliAsync(directory.Path, "tokens", "issue", "--service-user", "Barrage Admin", "--role", "Admin", "--name", "api", "--expires-in-days", "30");
        var scimToken = await CliAsync(directory.Path, "tokens", "issue", "--service-user", "Barrage Okta", "--role", "Admin", "--name", "okta", "--expires-in-days", "30", "--scim");
        await using var upstream = await EchoUpstream.StartAsync();
        await using var gateway = await GatewayProcess.StartAsync(directory.Path, new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = upstream.Address.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using var scim = Client(gateway.Address, scimToken);
        using var api = Client(gateway.Address, apiToken);
        var userId = await CreateUserAsync(scim);
        var failures = new ConcurrentQueue<string>();
        var sent = 0;

        async Task Send(string what, Func<Task<int>> request, bool connectionMayClose = false)
        {
            int status;
            try
            {
                status = await request();
            }
            catch (Exception ex) when (connectionMayClose && ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                status = 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failures.Enqueue($"{what}: no answer ({ex.GetType().Name}: {ex.Message})");
                return;
            }

            Interlocked.Increment(ref sent);
            if (status >= 500 || (status == 0 && !connectionMayClose))
            {
                failures.Enqueue($"{what}: {status}");
            }
        }

        var inputs = new HostileInputs(Seed);
        var requests = new List<(string What, Func<Task<int>> Request, bool MayClose)>();
        void Add(string what, Func<Task<int>> request, bool mayClose = false) => requests.Add((what, request, mayClose));

        // Filters: every shape that once overflowed the stack, through every door a filter comes in by.
        foreach (var (name, filter) in new[]
        {
            ("or-chain 200000", HostileInputs.OrChain(200_000)),
            ("and-chain 50000", HostileInputs.AndChain(50_000)),
            ("parentheses 100000", HostileInputs.DeepParentheses(100_000)),
            ("not-chain 50000", HostileInputs.NotChain(50_000)),
            ("value paths 20000", HostileInputs.NestedValuePaths(20_000)),
            ("value path chain 50000", HostileInputs.ValuePathWithChain(50_000)),
        })
        {
            Add($"Users/.search {name}", () => Status(scim.PostAsync($"{Scim}/Users/.search", Json(new { filter }))));
            Add($"Groups/.search {name}", () => Status(scim.PostAsync($"{Scim}/Groups/.search", Json(new { filter }))));
            Add($"/.search {name}", () => Status(scim.PostAsync($"{Scim}/.search", Json(new { filter }))));
            Add($"PATCH path {name}", () => Status(scim.PatchAsync($"{Scim}/Users/{userId}", Patch(new { op = "remove", path = $"emails[{filter}]" }))));
            Add($"Bulk PATCH path {name}", () => Status(scim.PostAsync($"{Scim}/Bulk", Json(new
            {
                schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:BulkRequest" },
                Operations = new[] { new { method = "PATCH", path = $"/Users/{userId}", data = PatchObject(new { op = "remove", path = $"emails[{filter}]" }) } },
            }))));
        }

        foreach (var depth in new[] { 200, 2_000, 2_700 })
        {
            var filter = Uri.EscapeDataString(HostileInputs.DeepParentheses(depth));
            Add($"GET filter parentheses {depth}", () => Status(scim.GetAsync($"{Scim}/Users?filter={filter}")));
        }

        for (var i = 0; i < 1_300; i++)
        {
            var filter = inputs.RandomFilter(i < 1_000 ? 40 : 4_000);
            Add($"random filter #{i}", () => Status(scim.PostAsync($"{Scim}/Users/.search", Json(new { filter, sortBy = filter, attributes = new[] { filter } }))));
        }

        for (var i = 0; i < 400; i++)
        {
            var path = i % 2 == 0 ? inputs.RandomFilter(60) : inputs.RandomText(200);
            Add($"random PATCH path #{i}", () => Status(scim.PatchAsync($"{Scim}/Users/{userId}", Patch(new { op = "replace", path, value = "x" }))));
        }

        // Operation counts, attribute lists, sort keys, nesting of the JSON itself.
        Add("PATCH 5000 operations", () => Status(scim.PatchAsync($"{Scim}/Users/{userId}",
            Patch(Enumerable.Range(0, 5_000).Select(i => (object)new { op = "add", path = "title", value = $"t{i}" }).ToArray()))));
        Add("attributes 100000 names", () => Status(scim.PostAsync($"{Scim}/Users/.search", Json(new { attributes = HostileInputs.AttributeList(100_000).Split(',') }))));
        Add("excludedAttributes 20000 names query", () => Status(scim.GetAsync($"{Scim}/Users?excludedAttributes={HostileInputs.AttributeList(300)}")));
        Add("sortBy nonsense", () => Status(scim.GetAsync($"{Scim}/Users?sortBy={Uri.EscapeDataString(HostileInputs.NestedValuePaths(100))}")));
        Add("JSON nested 100000", () => Status(scim.PostAsync($"{Scim}/Users", Raw(new string('[', 100_000) + new string(']', 100_000)))));
        Add("JSON object nested 5000", () => Status(scim.PostAsync($"{Scim}/Users", Raw(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)))));
        Add("Bulk 20000 operations", () => Status(scim.PostAsync($"{Scim}/Bulk", Json(new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:BulkRequest" },
            Operations = Enumerable.Range(0, 20_000).Select(i => new { method = "DELETE", path = $"/Users/nope{i}" }).ToArray(),
        }))));

        // Provisioning semantics: absence or null must not crash anything (the access rule has its own tests).
        foreach (var operation in new object[]
        {
            new { op = "remove", path = "active" },
            new { op = "replace", path = "active", value = (object?)null },
            new { op = "Replace", value = new { active = (object?)null } },
            new { op = "replace", path = "active", value = "False" },
        })
        {
            Add($"PATCH active {JsonSerializer.Serialize(operation)}", () => Status(scim.PatchAsync($"{Scim}/Users/{userId}", Patch(operation))));
        }

        // Bodies past every limit, chunked so no Content-Length warns the server.
        foreach (var (path, token, type) in new[]
        {
            ("/api/user-tokens", apiToken, "application/json"),
            ($"{Scim}/Users", scimToken, "application/scim+json"),
            ($"{Scim}/Bulk", scimToken, "application/scim+json"),
            ("/login", apiToken, "application/x-www-form-urlencoded"),
        })
        {
            Add($"chunked 8 MiB to {path}", async () => (await RawHttp.SendChunkedAsync(gateway.Address, $"POST {path} HTTP/1.1",
                [$"Authorization: Bearer {token}", $"Content-Type: {type}"], 8 * 1024 * 1024, prefix: "{\"name\":\""u8.ToArray())).Response.Status, mayClose: true);
        }

        // The gateway's own API: out-of-range and malformed query parameters and bodies.
        foreach (var value in new[] { "-1", "0", "366", "99999999999999999999", "abc", "1e3", "%00", "1&days=2", "" })
        {
            Add($"usage days={value}", () => Status(api.GetAsync($"/api/user-tokens/nope/usage?days={value}")));
            Add($"audit page={value}", () => Status(api.GetAsync($"/api/audit?page={value}&page_size={value}")));
            Add($"service tokens user_id={value}", () => Status(api.GetAsync($"/api/user-tokens/service?user_id={value}")));
        }

        foreach (var body in new[] { "null", "[]", "{\"name\":null,\"expires_in_days\":1e400}", "{\"name\":\"x\",\"expires_in_days\":\"30\"}", "{\"name\":\"" + new string('x', 300) + "\"}", "{", "\"x\"" })
        {
            Add($"create token {body[..Math.Min(body.Length, 40)]}", () => Status(api.PostAsync("/api/user-tokens", Raw(body, "application/json"))));
            Add($"service user {body[..Math.Min(body.Length, 40)]}", () => Status(api.PostAsync("/api/service-users", Raw(body, "application/json"))));
        }

        // Tokens nobody issued, on a proxied path: refused, and never forwarded.
        for (var i = 0; i < 1_000; i++)
        {
            var bearer = inputs.RandomBearer(apiToken);
            Add($"random bearer #{i}", async () => (await RawHttp.SendAsync(gateway.Address, "GET /api/datastores HTTP/1.1", [$"Authorization: Bearer {Latin1Safe(bearer)}"])).Status);
        }

        // Disguised paths, sent byte for byte: each is refused or served by the gateway itself.
        foreach (var target in DisguisedTargets(gateway.Address))
        {
            foreach (var token in new[] { apiToken, scimToken })
            {
                foreach (var method in new[] { "GET", "POST", "DELETE" })
                {
                    Add($"{method} {target}", async () => (await RawHttp.SendAsync(gateway.Address, $"{method} {target} HTTP/1.1",
                        [$"Authorization: Bearer {token}", "Content-Type: application/json"], "{}"u8.ToArray())).Status);
                }
            }
        }

        Assert.True(requests.Count >= 3_000, $"only {requests.Count} requests");
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            if (!gateway.HasExited)
            {
                await Send(item.What, item.Request, item.MayClose);
            }
        });

        Assert.False(gateway.HasExited, $"The gateway process died:\n{Head(gateway.Output)}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests failed, for example:\n{string.Join("\n", failures.Take(25))}");
        Assert.Equal(0, upstream.Requests);

        // Still serving: an ordinary proxied call goes through with the caller's identity.
        using var ordinary = await api.GetAsync("/api/datastores");
        var echo = await ordinary.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("barrage_admin@service", echo.GetProperty("headers").GetProperty("X-Gateway-User-Id").GetString());
        Assert.Equal(1, upstream.Requests);
    }

    /// <summary>Forms that an upstream might normalise onto the gateway's own endpoints (or past its rules).</summary>
    private static IEnumerable<string> DisguisedTargets(Uri gateway) =>
    [
        "/api//user-tokens", "/api/user-tokens;x", "/api/scim/v2;/Users", "/api/%2Fscim/v2/Users", "/api/%2fscim/v2/Users",
        "/api/x/..;/audit", "/api/%5Cuser-tokens", "/api/%5cuser-tokens", "/api/x/../audit", "/api/x/%2e%2e/audit",
        "/api/x/%2E%2E/audit", "/api/x/.%2e/audit", "/api/./user-tokens", "/api/%2e/user-tokens", "/api/user-tokens/..",
        "/api\\user-tokens", "/api/scim\\v2/Users", "/api/%252e%252e/audit", "/api/x%2f..%2faudit", "/api/service-users%00",
        "/api/service-users%0a", "/api/audit%09", "/api/scim/v2/Users%3b", "/api/scim/v2//Users", "//api/user-tokens",
        "/api/..%2fuser-tokens", "/api/%2e%2e/user-tokens", "/api/user-tokens/%2e%2e/datastores", "/api;/user-tokens",
        "/api/scim/v2/Users/..%2f..%2f..%2fdatastores", "/api/x/%2e%2e%2faudit", "/api/x/..%5caudit", "/api/%2e%2e%2fapi/audit",
        "/api/user-tokens%2F", "/api/x/%u002e%u002e/audit", "/api/scim/v2/Users/%2e%2e/%2e%2e/service-users",
        $"http://{gateway.Authority}/api//user-tokens", $"http://{gateway.Authority}/api/x/../audit",
        "/API//user-tokens", "/Api/%2fscim/v2/Users", "/api/x/%00/../audit",
    ];

    private static async Task<string> CliAsync(string directory, params string[] args)
    {
        var result = await CliProcess.RunAsync(directory, args);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Trim();
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> CreateUserAsync(HttpClient scim)
    {
        using var response = await scim.PostAsync($"{Scim}/Users", Json(new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName = "barrage@example.com",
            name = new { givenName = "Bar", familyName = "Rage" },
            emails = new[] { new { value = "barrage@example.com", type = "work", primary = true } },
            active = true,
        }));
        return (await response.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<int> Status(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return (int)response.StatusCode;
    }

    private static StringContent Json(object body) => Raw(JsonSerializer.Serialize(body));

    private static StringContent Raw(string body, string type = "application/scim+json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static object PatchObject(params object[] operations) => new
    {
        schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
        Operations = operations,
    };

    private static StringContent Patch(params object[] operations) => Json(PatchObject(operations));

    private static string Latin1Safe(string value) => new(value.Select(c => c is >= ' ' and <= '~' ? c : 'x').ToArray());

    private static string Head(string output) => output.Length <= 4_000 ? output : output[..4_000];
}
