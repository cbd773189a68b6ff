using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.SignIn;

/// <summary>Which files of the web UI need a session, and what a member sees on an admins-only page.</summary>
public sealed class UiAccessTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("/ui/app.css")]
    [InlineData("/ui/favicon.svg")]
    public async Task StylesheetAndIcon_ArePublic(string path)
    {
        var response = await _gateway.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/ui/service-users.js")]
    [InlineData("/ui/tokens.js")]
    [InlineData("/ui/SERVICE-USERS.JS")]
    public async Task Scripts_NeedASession(string path)
    {
        var response = await _gateway.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("deactivate", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminOnlyModule_IsRefusedToAMember_AndServedToAnAdmin()
    {
        var member = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("member@example.com"), "laptop"));
        var admin = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("root@example.com", Role.Admin), "laptop"));

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/ui/service-users.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/ui/tokens.js")).StatusCode);
        var adminResponse = await admin.GetAsync("/ui/service-users.js");
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.Contains("no-store", adminResponse.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageTemplate_IsNeverServedAsAFile_EvenToAdmins()
    {
        var admin = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("root@example.com", Role.Admin), "laptop"));

        Assert.Equal(HttpStatusCode.NotFound, (await _gateway.Browser().GetAsync("/ui/tokens.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ui/tokens.html")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_Member_GetsAStyledAdminsOnlyPage()
    {
        var member = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("member@example.com"), "laptop"));

        var response = await member.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Admins only</h1>", html, StringComparison.Ordinal);
        Assert.Contains("/ui/app.css", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenApi_Member_StillGetsProblemJsonOnAdminEndpoints()
    {
        var member = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("member@example.com"), "laptop"));

        var response = await member.GetAsync("/api/user-tokens/service");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
