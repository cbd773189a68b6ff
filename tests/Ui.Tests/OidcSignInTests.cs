using Microsoft.Playwright;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests;

/// <summary>
/// Sign-in with a real OpenID provider (node-oidc-provider on loopback), in Chromium: the whole flow, people the
/// directory does not hold active, and the protocol failures, each ending on a clear page without a session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OidcSignInTests(BrowserFixture browser, OidcProvider provider) : IClassFixture<OidcProvider>
{
    [Fact]
    public async Task SignIn_SeeOwnTokens_SignOut_EndsBothSessions()
    {
        await using var gateway = await provider.StartGatewayAsync();
        var alice = gateway.AddUser("alice@example.com");
        gateway.IssuePersonalToken(alice, "alice-laptop");
        var page = await NewPageAsync();

        await page.GotoAsync(gateway.BaseAddress + "/settings/tokens");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtProviderAsync(page, "ALICE@example.com");

        await page.WaitForURLAsync("**/settings/tokens");
        await Assertions.Expect(page.Locator("tr[data-token-name=\"alice-laptop\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("alice@example.com");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await page.WaitForURLAsync("**/login?ended=signed-out");
        await Assertions.Expect(page.GetByText("You have been signed out.")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "scimgateway.session");

        // The provider's session ended too: signing in again asks for the login.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OidcSession_PersonDeactivatedThroughScim_EndsOnNextRequest_WithAMessage()
    {
        await using var gateway = await provider.StartGatewayAsync();
        var carol = gateway.AddUser("carol@example.com");
        var page = await NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtProviderAsync(page, "carol@example.com");
        await page.WaitForURLAsync("**/settings/tokens");

        // The page's own fetch of the token list must be done first: were it the next request after the deactivation,
        // it would carry the reason away and the reload would find no session at all.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var users = gateway.Service<IScimUserStore>();
        var record = users.FindById(carol.Id)!;
        record.Active = false;
        users.Update(record);
        await gateway.Service<ScimGateway.Scim.Provisioning.ProvisioningDispatcher>().DeliverPendingAsync(CancellationToken.None);
        await page.ReloadAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your session ended because your account is no longer active in the directory.");
        await AssertNoSessionAsync(page, gateway);
    }

    [Fact]
    public async Task SignIn_KeepsTheLocalReturnUrl()
    {
        await using var gateway = await provider.StartGatewayAsync();
        gateway.AddUser("root@example.com", Role.Admin);
        var page = await NewPageAsync();

        await page.GotoAsync(gateway.BaseAddress + "/hangfire/recurring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtProviderAsync(page, "root@example.com");

        await page.WaitForURLAsync("**/hangfire/recurring");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Recurring", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Theory]
    [InlineData("deactivated", "Your account here is deactivated")]
    [InlineData("unknown", "You are not provisioned here")]
    public async Task SignIn_PersonNotActiveInTheDirectory_IsRefusedWithoutASession(string who, string message)
    {
        await using var gateway = await provider.StartGatewayAsync();
        if (who == "deactivated")
        {
            var users = gateway.Service<IScimUserStore>();
            var bob = users.FindById(gateway.AddUser("bob@example.com", Role.Admin).Id)!;
            bob.Active = false;
            users.Update(bob);
        }

        var page = await NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtProviderAsync(page, "bob@example.com");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await AssertNoSessionAsync(page, gateway);
    }

    [Fact]
    public async Task WrongClientSecret_EndsOnAClearPage()
    {
        await using var gateway = await provider.StartGatewayAsync(clientSecret: "not-the-secret");
        gateway.AddUser("alice@example.com");
        var page = await NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");
        var started = page.WaitForResponseAsync("**/login/oidc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();

        // ASP.NET Core pushes the authorization request (RFC 9126) with the client credentials when the provider
        // offers it, as this one does, so a wrong secret is refused before the provider's login page.
        Assert.Equal(502, (await started).Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("client settings");
        await AssertNoSessionAsync(page, gateway);
    }

    [Fact]
    public async Task TamperedState_EndsOnAClearPage()
    {
        await using var gateway = await provider.StartGatewayAsync();
        gateway.AddUser("alice@example.com");
        var page = await NewPageAsync();
        await page.RouteAsync("**/signin-oidc", route => route.ContinueAsync(new RouteContinueOptions
        {
            PostData = System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(route.Request.PostData ?? "", "state=[^&]*", "state=CfDJ8tampered")),
        }));
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        var callback = page.WaitForResponseAsync("**/signin-oidc");
        await SignInAtProviderAsync(page, "alice@example.com");

        Assert.Equal(400, (await callback).Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Start again");
        await AssertNoSessionAsync(page, gateway);
    }

    [Fact]
    public async Task ReplayedCallback_EndsOnAClearPage_WithoutASession()
    {
        await using var gateway = await provider.StartGatewayAsync();
        gateway.AddUser("alice@example.com");
        var page = await NewPageAsync();
        string? callbackBody = null;
        await page.RouteAsync("**/signin-oidc", route =>
        {
            callbackBody = route.Request.PostData;
            return route.ContinueAsync();
        });
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await SignInAtProviderAsync(page, "alice@example.com");
        await page.WaitForURLAsync("**/settings/tokens");
        Assert.NotNull(callbackBody);

        // Another browser replays the provider's answer it captured.
        var attacker = await NewPageAsync();
        var replay = await attacker.Context.APIRequest.PostAsync(gateway.BaseAddress + "/signin-oidc", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            DataString = callbackBody,
            MaxRedirects = 0,
        });

        Assert.Equal(400, replay.Status);
        Assert.Contains("already used", await replay.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(replay.HeadersArray, h => h.Name.Equals("set-cookie", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("scimgateway.session=", StringComparison.Ordinal) && !h.Value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        await AssertNoSessionAsync(attacker, gateway);
    }

    [Fact]
    public async Task GatewayClockHoursAhead_IdTokenExpired_EndsOnAClearPage_WithoutASession()
    {
        // The provider signs with real time; to the gateway's clock, three hours on, the ID token (valid one hour at
        // node-oidc-provider) expired long ago, beyond any clock-skew allowance (OpenID Connect Core 3.1.3.7, step 9).
        // Ahead, not behind: the gateway's own nonce and correlation cookies expire by its clock, and a clock behind
        // would make the browser drop them before the callback, which is a different failure.
        await using var gateway = await provider.StartGatewayAsync(g => g.Time.Advance(TimeSpan.FromHours(3)));
        gateway.AddUser("alice@example.com");
        var page = await NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        var callback = page.WaitForResponseAsync("**/signin-oidc");
        await SignInAtProviderAsync(page, "alice@example.com");

        Assert.Equal(400, (await callback).Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be verified");
        await AssertNoSessionAsync(page, gateway);
    }

    [Fact]
    public async Task NonceOfAnotherSignIn_EndsOnAClearPage_WithoutASession()
    {
        await using var gateway = await provider.StartGatewayAsync();
        gateway.AddUser("alice@example.com");
        var nonceCookie = new System.Text.RegularExpressions.Regex(@"^\.AspNetCore\.OpenIdConnect\.Nonce\.");

        // The authorization request is pushed by the gateway itself (RFC 9126), so the browser cannot alter the nonce
        // it carries; instead the browser holds the nonce cookie of another sign-in, started elsewhere, in place of its
        // own: the ID token's nonce then matches no cookie (OpenID Connect Core 3.1.3.7, step 11).
        var other = await NewPageAsync();
        await other.GotoAsync(gateway.BaseAddress + "/login");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await Assertions.Expect(other.Locator("input[name=login]")).ToBeVisibleAsync();
        var foreign = (await other.Context.CookiesAsync()).Single(c => nonceCookie.IsMatch(c.Name));

        var page = await NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        var own = (await page.Context.CookiesAsync()).Single(c => nonceCookie.IsMatch(c.Name));
        Assert.NotEqual(own.Name, foreign.Name);
        await page.Context.ClearCookiesAsync(new() { NameRegex = nonceCookie });
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = foreign.Name,
            Value = foreign.Value,
            Domain = foreign.Domain,
            Path = foreign.Path,
            Expires = foreign.Expires,
            HttpOnly = foreign.HttpOnly,
            Secure = foreign.Secure,
            SameSite = foreign.SameSite,
        }]);
        var callback = page.WaitForResponseAsync("**/signin-oidc");
        await SignInAtProviderAsync(page, "alice@example.com");

        Assert.Equal(400, (await callback).Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be verified");
        await AssertNoSessionAsync(page, gateway);
    }

    [Fact]
    public async Task ProviderDown_EndsOnAClearPage()
    {
        await using var gateway = new KestrelGateway(configure: g => g
            .WithSetting("Authentication:Oidc:Authority", "http://127.0.0.1:9")
            .WithSetting("Authentication:Oidc:ClientId", "gateway")
            .WithSetting("Authentication:Oidc:RequireHttpsMetadata", "false")
            .WithSetting("Authentication:Oidc:DisplayName", "Test IdP"));
        var page = await NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test IdP" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Test IdP could not be reached");
        await AssertNoSessionAsync(page, gateway);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        return await context.NewPageAsync();
    }

    /// <summary>The provider's development login form (any login, any password), then its consent page.</summary>
    private static async Task SignInAtProviderAsync(IPage page, string login)
    {
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private static async Task AssertNoSessionAsync(IPage page, KestrelGateway gateway)
    {
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "scimgateway.session");
        var api = await page.Context.APIRequest.GetAsync(gateway.BaseAddress + "/api/user-tokens");
        Assert.Equal(401, api.Status);
    }
}
