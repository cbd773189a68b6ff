using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class TokenPermissionTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task NonAdmin_CreatingServiceToken_Is403()
    {
        _gateway.IssueServiceToken("pipeline");
        var member = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("bob"), "me"));

        await (await member.PostJsonAsync("/api/user-tokens", new { name = "svc", expires_in_days = 30, user_id = "pipeline@service" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NonAdmin_CreatingScimToken_Is403()
    {
        var manager = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("bob", Role.Manager), "me"));

        await (await manager.PostJsonAsync("/api/user-tokens", new { name = "okta", expires_in_days = 30, scim_endpoints_only = true }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_CreatesServiceAndScimTokens()
    {
        var admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", Role.Admin), "me"));
        await (await admin.PostJsonAsync("/api/service-users", new { name = "Pipeline", role = "Member" })).ExpectJsonAsync(HttpStatusCode.Created);

        var service = await (await admin.PostJsonAsync("/api/user-tokens", new { name = "svc", expires_in_days = 90, user_id = "pipeline@service" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var scim = await (await admin.PostJsonAsync("/api/user-tokens", new { name = "okta", expires_in_days = (int?)null, scim_endpoints_only = true }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal("service", service.GetProperty("type").GetString());
        Assert.Equal("pipeline@service", service.GetProperty("user").GetProperty("id").GetString());
        Assert.True(scim.GetProperty("scim_endpoints_only").GetBoolean());
        var services = await (await admin.GetAsync("/api/user-tokens/service")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Single(services.EnumerateArray());
    }

    [Fact]
    public async Task Admin_GetsNotFoundOnAnotherUsersPersonalToken()
    {
        var bob = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("bob"), "me"));
        var admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", Role.Admin), "me"));
        var created = await (await bob.PostJsonAsync("/api/user-tokens", new { name = "private", expires_in_days = 30 })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/user-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/user-tokens/{id}")).StatusCode);
        var adminList = await (await admin.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(adminList.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task NonAdmin_ServiceUsersAndAudit_Are403()
    {
        var member = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("bob"), "me"));

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/service-users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/user-tokens/service")).StatusCode);
    }

    [Fact]
    public async Task ScimToken_CannotManageTokens()
    {
        var scim = _gateway.ClientWithToken(_gateway.IssueServiceToken("okta", Role.Admin, scim: true));

        var response = await scim.GetAsync("/api/user-tokens");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await scim.GetAsync("/api/service-users")).StatusCode);
    }

    [Fact]
    public async Task AdminServiceToken_RotatesServiceTokens()
    {
        var automation = _gateway.ClientWithToken(_gateway.IssueServiceToken("Rotator", Role.Admin));
        _gateway.IssueServiceToken("pipeline");

        var created = await (await automation.PostJsonAsync("/api/user-tokens", new { name = "rotated", expires_in_days = 30, user_id = "pipeline@service" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        await (await automation.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);
        var deleted = await (await automation.DeleteAsync($"/api/user-tokens/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("The Service token has been successfully deleted", deleted.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ServiceUserWithoutUserId_GetsClearError()
    {
        var automation = _gateway.ClientWithToken(_gateway.IssueServiceToken("Rotator", Role.Admin));

        var detail = await (await automation.PostJsonAsync("/api/user-tokens", new { name = "x", expires_in_days = 30 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("user_id", detail, StringComparison.Ordinal);
    }
}
