namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class TokenLifecycleTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();
    private readonly HttpClient _owner;

    public TokenLifecycleTests() =>
        _owner = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("alice"), "bootstrap", days: null));

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Revoke_NextRequestIsRejected_AndRestoreMakesItWorkAgain()
    {
        var (id, token) = await CreateAsync("ci", 30);
        var user = _gateway.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/user-tokens")).StatusCode);

        var revoked = await (await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("The token has been successfully revoked", revoked.GetProperty("message").GetString());
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());

        var rejected = await user.GetAsync("/api/user-tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("invalid_token", rejected.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var restored = await (await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = false })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("The token has been successfully restored", restored.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Restore_ExpiredToken_Is409()
    {
        var (id, _) = await CreateAsync("short", 1);
        await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true });
        _gateway.Time.Advance(TimeSpan.FromDays(2));

        var detail = await (await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = false })).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("expired", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ActiveToken_Is409()
    {
        var (id, _) = await CreateAsync("active", 30);

        await (await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = false })).ExpectProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Delete_ActiveToken_Is409_AndTokenStillWorks()
    {
        var (id, token) = await CreateAsync("keep", 30);

        var detail = await (await _owner.DeleteAsync($"/api/user-tokens/{id}")).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("revoke", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Delete_RevokedToken_SucceedsWithMessage_AndTokenIsGone()
    {
        var (id, token) = await CreateAsync("old", 30);
        await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true });

        var deleted = await (await _owner.DeleteAsync($"/api/user-tokens/{id}")).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal("The User token has been successfully deleted", deleted.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _owner.GetAsync($"/api/user-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Delete_ExpiredToken_Succeeds()
    {
        var (id, _) = await CreateAsync("expired", 1);
        _gateway.Time.Advance(TimeSpan.FromDays(1));

        var listed = await (await _owner.GetAsync($"/api/user-tokens/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("expired", listed.GetProperty("status").GetString());
        await (await _owner.DeleteAsync($"/api/user-tokens/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expiry_ClockPastExp_TokenIsRejectedAtOnce_WithoutAnyJob()
    {
        var (_, token) = await CreateAsync("soon", 1);
        var user = _gateway.ClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/user-tokens")).StatusCode);

        _gateway.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/user-tokens")).StatusCode);
        _gateway.Time.Advance(TimeSpan.FromSeconds(1));

        var rejected = await user.GetAsync("/api/user-tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("expired", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_RecordsEveryLifecycleStep_WithoutTheToken()
    {
        var admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", ScimGateway.Tokens.Role.Admin), "admin"));
        var (id, token) = await CreateAsync("audited", 30);
        await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true });
        await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = false });
        await _owner.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true });
        await _owner.DeleteAsync($"/api/user-tokens/{id}");

        var page = await (await admin.GetAsync("/api/audit?page_size=500")).ExpectJsonAsync(HttpStatusCode.OK);
        var actions = page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString() == id)
            .Select(e => e.GetProperty("action").GetString())
            .ToList();

        Assert.Equal(["token.deleted", "token.revoked", "token.restored", "token.revoked", "token.created"], actions);
        Assert.DoesNotContain(token[(token.LastIndexOf('.') + 1)..], page.ToString(), StringComparison.Ordinal);
    }

    private async Task<(string Id, string Token)> CreateAsync(string name, int? days)
    {
        var created = await (await _owner.PostJsonAsync("/api/user-tokens", new { name, expires_in_days = days })).ExpectJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("bearer_token").GetString()!);
    }
}
