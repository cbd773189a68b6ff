using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class ServiceUserTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();
    private readonly HttpClient _admin;

    public ServiceUserTests() =>
        _admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", Role.Admin), "admin", days: null));

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("CI Bot", "ci_bot@service")]
    [InlineData("Data Pipeline #2!", "data_pipeline_2@service")]
    [InlineData("dbt-runner", "dbt-runner@service")]
    public async Task Create_DerivesIdFromName_AndAlwaysIncludesPublicTeam(string name, string expectedId)
    {
        var created = await (await _admin.PostJsonAsync("/api/service-users", new { name, role = "manager", teams = new[] { "Finance" } }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal(expectedId, created.GetProperty("id").GetString());
        Assert.Equal("Manager", created.GetProperty("role").GetString());
        Assert.Equal(["Public", "Finance"], created.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        var latest = (await (await _admin.GetAsync("/api/audit")).ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("service_user.created", latest.GetProperty("action").GetString());
        Assert.Equal(expectedId, latest.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Create_DuplicateId_Is409_AndBadRole_Is400()
    {
        await (await _admin.PostJsonAsync("/api/service-users", new { name = "bot" })).ExpectJsonAsync(HttpStatusCode.Created);

        await (await _admin.PostJsonAsync("/api/service-users", new { name = "BOT" })).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.PostJsonAsync("/api/service-users", new { name = "x", role = "King" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await _admin.PostJsonAsync("/api/service-users", new { name = "!!!" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await _admin.PostJsonAsync("/api/service-users", new { name = "t", teams = "Finance" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_FiltersByRoleTeamSearchAndState()
    {
        await _admin.PostJsonAsync("/api/service-users", new { name = "alpha", role = "Admin", teams = new[] { "Ops" } });
        await _admin.PostJsonAsync("/api/service-users", new { name = "beta", role = "Member" });

        Assert.Equal(["alpha", "beta"], await NamesAsync("/api/service-users"));
        Assert.Equal(["alpha"], await NamesAsync("/api/service-users?role=admin"));
        Assert.Equal(["beta"], await NamesAsync("/api/service-users?role=member"));
        Assert.Equal(["alpha"], await NamesAsync("/api/service-users?team=ops"));
        Assert.Equal(["beta"], await NamesAsync("/api/service-users?search=BET"));
        Assert.Empty(await NamesAsync("/api/service-users?active=false"));
    }

    /// <summary>The names in a service-user list, in name order: the whole list, so a filter that is ignored fails.</summary>
    private async Task<List<string>> NamesAsync(string url) =>
        [.. (await (await _admin.GetAsync(url)).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Select(u => u.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Deactivate_WithActiveToken_Is400_ThenTokensStopAndRestartWithReactivation()
    {
        var token = _gateway.IssueServiceToken("pipeline");
        var tokens = await (await _admin.GetAsync("/api/user-tokens/service?user_id=pipeline@service")).ExpectJsonAsync(HttpStatusCode.OK);
        var tokenId = tokens[0].GetProperty("id").GetString();

        var refused = await (await _admin.DeleteAsync("/api/service-users/pipeline@service")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("active tokens", refused, StringComparison.Ordinal);

        // Revoke, deactivate: the token stays revoked and the owner inactive; restoring the token alone is not enough.
        await (await _admin.PutAsJsonAsync($"/api/user-tokens/{tokenId}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);
        var deactivated = await (await _admin.DeleteAsync("/api/service-users/pipeline@service")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(deactivated.GetProperty("active").GetBoolean());
        await (await _admin.PutAsJsonAsync($"/api/user-tokens/{tokenId}", new { revoke = false })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);

        await (await _admin.PostAsync("/api/service-users/pipeline@service/reactivate", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_AppliesOnTheNextRequest()
    {
        var token = _gateway.IssueServiceToken("automation", Role.Member);
        var automation = _gateway.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await automation.GetAsync("/api/service-users")).StatusCode);

        await (await _admin.PutAsJsonAsync("/api/service-users/automation@service", new { role = "Admin" })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/service-users")).StatusCode);

        await (await _admin.PutAsJsonAsync("/api/service-users/automation@service", new { role = "Member", teams = new[] { "Data" } })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await automation.GetAsync("/api/service-users")).StatusCode);
    }
}
