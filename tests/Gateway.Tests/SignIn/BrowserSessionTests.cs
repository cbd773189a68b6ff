using ScimGateway.Gateway.Tests.Scim;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.SignIn;

/// <summary>The server's half of browser sessions: sign-out, lifetimes, and people leaving the directory.</summary>
public sealed class BrowserSessionTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task SignOut_CopiedCookie_StopsWorkingAtOnce()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = _gateway.Browser();
        var signIn = await browser.SignInAsync(_gateway.IssuePersonalToken(alice, "laptop"));
        var thief = _gateway.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", BrowserSessions.SessionCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/user-tokens")).StatusCode);

        var signOut = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/login?ended=signed-out", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/user-tokens")).StatusCode);
        var page = await thief.GetAsync("/settings/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("ended=signed-out", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryField_IsRefusedAndTheSessionStays()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));

        var response = await browser.PostAsync("/logout", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Session_UsedEveryHour_EndsAtTheAbsoluteLifetime()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));
        for (var hour = 1; hour < 12; hour++)
        {
            _gateway.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);
        }

        _gateway.Time.Advance(TimeSpan.FromHours(1));

        var page = await browser.GetAsync("/settings/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("ended=expired", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Session_AbsoluteLifetimeSetting_IsHonoured()
    {
        _gateway.WithSetting("Authentication:Session:IdleTimeout", "00:30:00").WithSetting("Authentication:Session:AbsoluteLifetime", "01:00:00");
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));
        _gateway.Time.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);
        _gateway.Time.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);

        _gateway.Time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Session_Idle_EndsAndTheSignInPageSaysSo()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));

        _gateway.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        var page = await browser.GetAsync("/settings/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var login = await browser.GetStringAsync(page.Headers.Location);
        Assert.Contains("Your session expired. Please sign in again.", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_PersonDeletedThroughScim_EndsOnNextRequest_WithAMessage()
    {
        var scim = new ScimClient(_gateway.ClientWithToken(_gateway.IssueServiceToken("okta", Role.Admin, scim: true)));
        var id = (await scim.CreateUserAsync("bob@example.com")).GetProperty("id").GetString()!;
        var bob = _gateway.Service<ScimGateway.Scim.Users.IScimUserStore>().FindById(id)!;
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(bob, "laptop"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/settings/tokens")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync("/Users/" + id)).StatusCode);

        var page = await browser.GetAsync("/settings/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("ended=inactive", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Session_PersonDeactivatedThroughScim_EndsOnNextRequest_WithAMessage()
    {
        var scim = new ScimClient(_gateway.ClientWithToken(_gateway.IssueServiceToken("okta", Role.Admin, scim: true)));
        var id = (await scim.CreateUserAsync("carol@example.com")).GetProperty("id").GetString()!;
        var carol = _gateway.Service<ScimGateway.Scim.Users.IScimUserStore>().FindById(id)!;
        var browser = _gateway.Browser();
        var token = _gateway.IssuePersonalToken(carol, "laptop");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(token)).StatusCode);

        var patch = await scim.PatchAsync("/Users/" + id,
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var page = await browser.GetAsync("/settings/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("ended=inactive", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var login = await browser.GetStringAsync(page.Headers.Location);
        Assert.Contains("no longer active in the directory", login, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/settings/tokens")]
    [InlineData("/login")]
    public async Task UiPages_AreNeverStored(string path)
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }
}
