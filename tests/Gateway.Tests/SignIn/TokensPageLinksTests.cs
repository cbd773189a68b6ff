using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.SignIn;

/// <summary>The tokens page's own links, filled in from the route constants: the contract spelled literally here.</summary>
public sealed class TokensPageLinksTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task AdminPage_LinksToItself_SignsOutAtLogout_AndLinksTheJobsDashboard_WithNoPlaceholderLeft()
    {
        var admin = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("root@example.com", Role.Admin), "laptop"));

        var page = await admin.GetStringAsync("/settings/tokens");

        Assert.Contains("href=\"/settings/tokens\"", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/logout\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberPage_HasNoJobsDashboardLink()
    {
        var member = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(_gateway.AddUser("member@example.com"), "laptop"));

        var page = await member.GetStringAsync("/settings/tokens");

        Assert.Contains("action=\"/logout\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/hangfire", page, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", page, StringComparison.Ordinal);
    }
}
