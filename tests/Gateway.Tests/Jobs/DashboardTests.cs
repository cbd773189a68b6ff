using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Jobs;

public sealed class DashboardTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Dashboard_AdminSession_Opens_WithoutConnectionString()
    {
        var admin = _gateway.AddUser("root@example.com", Role.Admin);
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(admin, "laptop"));

        var response = await browser.GetAsync("/hangfire/recurring");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("token-expiration", html, StringComparison.Ordinal);
        Assert.Contains("usage-rollup", html, StringComparison.Ordinal);
        Assert.Contains("storage-maintenance", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_MemberSession_Is403()
    {
        var member = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(member, "laptop"));

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_NoSession_RedirectsToLoginWithReturnUrl()
    {
        var response = await _gateway.Browser().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fhangfire", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_AdminBearerTokenAlone_DoesNotOpen()
    {
        var admin = _gateway.AddUser("root@example.com", Role.Admin);
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(admin, "cli"));

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_SessionRevoked_ClosesAtOnce()
    {
        var admin = _gateway.AddUser("root@example.com", Role.Admin);
        var token = _gateway.IssuePersonalToken(admin, "laptop");
        var browser = await _gateway.SignedInBrowserAsync(token);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        var id = (await (await _gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetString();

        await (await _gateway.ClientWithToken(token).PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/hangfire")).StatusCode);
    }
}
