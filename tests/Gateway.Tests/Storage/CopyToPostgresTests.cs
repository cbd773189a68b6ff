using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Jobs.Storage.Watermarks;
using ScimGateway.Scim.Storage.LiteDb;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.Storage.LiteDb;
using ScimGateway.Tokens.Storage.PostgreSql;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Gateway.Tests.Storage;

/// <summary>
/// A single node grown into a cluster: a data directory used through the real command line and a real LiteDB gateway,
/// copied with <c>storage copy-to-postgres</c>, then served by a real gateway on PostgreSQL.
/// </summary>
public sealed class CopyToPostgresTests
{
    private const string Scim = "/api/scim/v2";

    [PostgreSqlFact]
    public async Task A_used_single_node_copies_with_every_count_equal_and_a_PostgreSql_node_serves_it_unchanged()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await using var upstream = await EchoUpstream.StartAsync();
        var scimToken = await CliAsync(directory.Path, "tokens", "issue", "--service-user", "Okta", "--role", "Admin", "--name", "okta", "--scim");
        var adminToken = await CliAsync(directory.Path, "tokens", "issue", "--service-user", "Ops", "--role", "Admin", "--name", "api");
        var revokedToken = await CliAsync(directory.Path, "tokens", "issue", "--service-user", "Ops", "--role", "Admin", "--name", "old");
        await CliAsync(directory.Path, "users", "add", "--user-name", "first.admin", "--role", "Admin");
        var personalToken = await CliAsync(directory.Path, "tokens", "issue", "--user", "first.admin", "--name", "browser");

        string[] userIds;
        string groupId;
        Dictionary<string, JsonElement> before;
        string sessionCookie;
        await using (var single = await GatewayProcess.StartAsync(directory.Path, Settings(upstream, null)))
        {
            using var scim = Client(single, scimToken);
            userIds = [await CreateUserAsync(scim, "alice@example.com"), await CreateUserAsync(scim, "bob@example.com")];
            groupId = await CreateGroupAsync(scim, "Engineers", userIds);
            await SendAsync(scim, HttpMethod.Patch, $"{Scim}/Users/{userIds[1]}",
                """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Bob B."}]}""",
                HttpStatusCode.OK);
            using var admin = Client(single, adminToken);
            await SendAsync(admin, HttpMethod.Put, $"/api/user-tokens/{Jwt.TokenId(revokedToken)}", """{"revoke":true}""", HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/datastores")).StatusCode);
            before = await ReadResourcesAsync(scim, userIds, groupId);

            // A browser session: its cookie is protected with the node's data-protection key, its record is in gateway.db.
            using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = single.Address };
            using var signedIn = await browser.SignInAsync(personalToken);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            sessionCookie = ScimGateway.TestSupport.Clients.BrowserSessions.SessionCookie(signedIn);
        }

        // What the node's jobs and sign-ins leave behind, written through the LiteDB stores while no process runs.
        var usageTokenId = Jwt.TokenId(adminToken);
        var day = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        using (var storage = GatewayStorage.Open(directory.Path))
        {
            var usage = new LiteDbUsageStore(storage.Database);
            usage.AddBuckets("single", "flush-1", [new UsageDelta(usageTokenId, day.AddHours(9), 40, 3, 1, day.AddHours(9).AddSeconds(5), "10.0.0.7")]);
            usage.Fold();
            usage.AddBuckets("single", "flush-2", [new UsageDelta(usageTokenId, day.AddHours(10), 2, 0, 0, day.AddHours(10).AddSeconds(1), "10.0.0.8")]);
            new LiteDbExpiryWarningStore(storage.Database).TryAdd(ExpiryWarningRecord.Announced(usageTokenId, 7, day));
            new LiteDbJobWatermarkStore(storage.Database).Advance("usage-rollup", day.AddHours(10), day.AddHours(10), "folded 1 bucket");
            new LiteDbBrowserSessionStore(storage.Database).Insert(new BrowserSessionRecord
            {
                Id = "session-1", OwnerId = userIds[0], Method = "token", CreatedAt = day, ExpiresAt = day.AddDays(365),
            });
            new LiteDbCliConsentLedger(storage.Database, TimeProvider.System).TryConsume("consent-1", DateTimeOffset.UtcNow.AddHours(1));

            // A provisioning event not delivered yet (the running node's dispatcher drained the earlier ones).
            var users = new LiteDbScimUserStore(storage.Database);
            Assert.True(users.Update(users.FindById(userIds[0])!));
        }

        var liteDbCounts = CopyToPostgres.CountLiteDb(directory.Path);
        var liteDbDaily = ReadLiteDbDaily(directory.Path, usageTokenId, day);

        var copy = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);

        Assert.True(copy.ExitCode == 0, copy.StandardError);
        var postgreSqlCounts = await CopyToPostgres.CountPostgreSqlAsync(database.DataSource);
        foreach (var (collection, count) in liteDbCounts)
        {
            Assert.True(count == postgreSqlCounts[collection], $"{collection}: {count} in LiteDB, {postgreSqlCounts[collection]} in PostgreSQL");
            Assert.Matches($@"(?m)^{collection}\s+{count}\s+{count}$", copy.StandardError);
        }

        Assert.All(CopyToPostgres.Collections, c => Assert.True(liteDbCounts[c] > 0, $"the test left {c} empty"));
        Assert.Equal(1, postgreSqlCounts["signing_keys"]);
        var keyFiles = Directory.GetFiles(Path.Combine(directory.Path, "keys"), "*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.Equal(keyFiles.Length, postgreSqlCounts["data_protection_keys"]);
        Assert.Empty(await ChangeLogAsync(database));
        await using (var trigger = database.DataSource.CreateCommand("SELECT tgenabled FROM pg_trigger WHERE tgname = 'scim_memberships_change_feed'"))
        {
            // 'O': fires again for the nodes' own writes; the copy disabled it for its transaction only.
            Assert.Equal('O', (char)(await trigger.ExecuteScalarAsync())!);
        }

        await using var node = await GatewayProcess.StartAsync(elsewhere.Path, Settings(upstream, database.ConnectionString));
        using (var scim = Client(node, scimToken))
        {
            var after = await ReadResourcesAsync(scim, userIds, groupId);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            foreach (var (path, resource) in before)
            {
                AssertSameResource(resource, after[path]);
            }
        }

        using (var admin = Client(node, adminToken))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/datastores")).StatusCode);
        }

        using (var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.Address })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/settings/tokens");
            request.Headers.Add("Cookie", sessionCookie);
            using var page = await browser.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var revoked = Client(node, revokedToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/datastores")).StatusCode);
        }

        var postgreSqlDaily = new PostgreSqlUsageStore(database.DataSource).ReadDaily(usageTokenId, day, day);
        Assert.Equal(liteDbDaily, postgreSqlDaily.Select(r => (r.Period, r.Success, r.ClientError, r.ServerError, r.LastUsedAt, r.LastUsedAddress)));
    }

    [PostgreSqlFact]
    public async Task A_copied_audit_trail_and_outbox_continue_after_the_copied_ids()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await CliAsync(directory.Path, "tokens", "issue", "--service-user", "Ops", "--role", "Admin", "--name", "api");

        var copy = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);
        Assert.True(copy.ExitCode == 0, copy.StandardError);

        var issued = await PostgreSqlCliAsync(elsewhere.Path, database.ConnectionString, "tokens", "issue", "--service-user", "Ops", "--name", "after-the-copy");
        Assert.True(issued.ExitCode == 0, issued.StandardError);
        await using var ids = database.DataSource.CreateCommand("SELECT array_agg(id ORDER BY id) FROM audit");
        var auditIds = (long[])(await ids.ExecuteScalarAsync())!;
        Assert.Equal(auditIds.Distinct().Count(), auditIds.Length);
        Assert.True(auditIds.Length >= 3, string.Join(",", auditIds));
    }

    private static Dictionary<string, string> Settings(EchoUpstream upstream, string? postgres)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = upstream.Address.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (postgres is not null)
        {
            settings["Storage__Provider"] = "PostgreSql";
            settings["ConnectionStrings__Postgres"] = postgres;
        }

        return settings;
    }

    private static List<(DateTime, long, long, long, DateTime, string?)> ReadLiteDbDaily(string dataDirectory, string tokenId, DateTime day)
    {
        using var storage = GatewayStorage.Open(dataDirectory);
        return [.. new LiteDbUsageStore(storage.Database).ReadDaily(tokenId, day, day)
            .Select(r => (r.Period, r.Success, r.ClientError, r.ServerError, r.LastUsedAt, r.LastUsedAddress))];
    }

    private static async Task<List<string>> ChangeLogAsync(PostgreSqlDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT kind || ':' || key FROM change_log");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<Dictionary<string, JsonElement>> ReadResourcesAsync(HttpClient scim, string[] userIds, string groupId)
    {
        var resources = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in userIds.Select(id => $"{Scim}/Users/{id}").Append($"{Scim}/Groups/{groupId}"))
        {
            using var response = await scim.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = (await response.Content.ReadAsStringAsync()).Replace(scim.BaseAddress!.ToString().TrimEnd('/'), "BASE", StringComparison.Ordinal);
            var body = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(response.Headers.ETag?.ToString(), body.GetProperty("meta").GetProperty("version").GetString());
            resources[path] = body;
        }

        return resources;
    }

    // The node's own address (meta.location, $ref) stands as BASE, so resources from two nodes compare.
    private static void AssertSameResource(JsonElement expected, JsonElement actual) =>
        Assert.Equal(expected.GetRawText(), actual.GetRawText());

    private static async Task<string> CreateUserAsync(HttpClient scim, string userName)
    {
        var body = await SendAsync(scim, HttpMethod.Post, $"{Scim}/Users",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","emails":[{"value":"{{userName}}","primary":true}],"active":true}""",
            HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    private static async Task<string> CreateGroupAsync(HttpClient scim, string name, string[] memberIds)
    {
        var members = string.Join(",", memberIds.Select(id => $$"""{"value":"{{id}}"}"""));
        var body = await SendAsync(scim, HttpMethod.Post, $"{Scim}/Groups",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{name}}","members":[{{members}}]}""",
            HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static HttpClient Client(GatewayProcess gateway, string token)
    {
        var client = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> CliAsync(string dataDirectory, params string[] args)
    {
        var result = await CliProcess.RunAsync(dataDirectory, args);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Trim();
    }

    private static Task<ScimGateway.Gateway.Tests.PostgreSql.CliProcessResult> PostgreSqlCliAsync(string directory, string connectionString, params string[] args) =>
        ScimGateway.Gateway.Tests.PostgreSql.PostgreSqlGatewayProcess.RunAsync(directory, connectionString, args);
}
