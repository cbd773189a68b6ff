using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiteDB;
using ScimGateway.Gateway.Tests.Cli;
using ScimGateway.Gateway.Tests.Hardening;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage.LiteDb;

namespace ScimGateway.Gateway.Tests.Provisioning;

/// <summary>
/// The real gateway process on one data directory, started and killed as often as a test needs, with what the
/// provisioning tests do through it: SCIM calls, personal tokens from the command line, the audit trail, and a look
/// into the database file while no process runs.
/// </summary>
internal sealed class ProvisioningProcess(string dataDirectory)
{
    public const string Scim = "/api/scim/v2";

    public string ScimToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    /// <summary>Issues the SCIM client's and an admin's service tokens (before any process runs).</summary>
    public async Task IssueServiceTokensAsync()
    {
        ScimToken = await CliAsync("tokens", "issue", "--service-user", "Provisioning Okta", "--role", "Admin", "--name", "okta", "--expires-in-days", "30", "--scim");
        AdminToken = await CliAsync("tokens", "issue", "--service-user", "Provisioning Admin", "--role", "Admin", "--name", "api", "--expires-in-days", "30");
    }

    /// <summary>Issues a personal token for a provisioned person (no process may run).</summary>
    public Task<string> IssuePersonalTokenAsync(string userName, string name) =>
        CliAsync("tokens", "issue", "--user", userName, "--name", name, "--expires-in-days", "30");

    public Task<GatewayProcess> StartAsync() => GatewayProcess.StartAsync(dataDirectory, new Dictionary<string, string>
    {
        ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = "http://127.0.0.1:9/",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    public static HttpClient Client(GatewayProcess gateway, string token)
    {
        var client = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> CreateUserAsync(HttpClient scim, string userName)
    {
        using var response = await scim.PostAsync($"{Scim}/Users", Json(new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName,
            emails = new[] { new { value = userName, type = "work", primary = true } },
            active = true,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public static StringContent Json(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/scim+json");

    public static StringContent Deactivation() => Json(new
    {
        schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
        Operations = new[] { new { op = "replace", path = "active", value = false } },
    });

    /// <summary>The names (<c>detail</c>) of the tokens the audit trail says SCIM deleted.</summary>
    public static async Task<HashSet<string>> TokensDeletedByScimAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/audit?page_size=500");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("actor").GetString() == "scim")
            .Select(e => e.GetProperty("detail").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Opens the gateway's database file as the gateway does; no process may run.</summary>
    public LiteDatabase OpenDatabase() =>
        new(new ConnectionString { Filename = Path.Combine(dataDirectory, "gateway.db"), Connection = ConnectionType.Direct }, new BsonMapper()) { UtcDate = true };

    /// <summary>The provisioning events still pending in the database; no process may run.</summary>
    public IReadOnlyList<PendingProvisioningEvent> PendingEvents()
    {
        using var database = OpenDatabase();
        return new LiteDbProvisioningOutbox(database).Pending(1000);
    }

    /// <summary>
    /// How many tokens of an owner the database holds, read from the token module's collection as stored (its name
    /// and field are the data directory's format); no process may run.
    /// </summary>
    public int TokensOwnedBy(string ownerId)
    {
        using var database = OpenDatabase();
        return database.GetCollection("tokens").Count(Query.EQ("OwnerId", ownerId));
    }

    private async Task<string> CliAsync(params string[] args)
    {
        var result = await CliProcess.RunAsync(dataDirectory, args);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Trim();
    }
}
