namespace ScimGateway.Gateway.Tests.SignIn;

/// <summary>The <c>Authentication</c> settings: checked at start, and what the sign-in page offers.</summary>
public sealed class SignInSettingsTests
{
    [Theory]
    [InlineData("Authentication:TokenSignIn", "false", "Authentication:TokenSignIn")]
    [InlineData("Authentication:Session:AbsoluteLifetime", "01:00:00", "Authentication:Session:AbsoluteLifetime")]
    [InlineData("Authentication:Session:IdleTimeout", "-00:01:00", "Authentication:Session:IdleTimeout")]
    public void BadSetting_StopsTheStart_NamingIt(string key, string value, string named)
    {
        using var gateway = new GatewayFactory();
        gateway.WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OidcOverPlainHttp_WithoutOptingOut_StopsTheStart()
    {
        using var gateway = new GatewayFactory();
        gateway.WithSetting("Authentication:Oidc:Authority", "http://127.0.0.1:9/").WithSetting("Authentication:Oidc:ClientId", "gateway");

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Authentication:Oidc:RequireHttpsMetadata", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OidcOn_TokenSignInOff_PageOffersOnlyTheProvider_AndTokenPostsAreRefused()
    {
        using var gateway = Oidc(new GatewayFactory()).WithSetting("Authentication:TokenSignIn", "false");
        var alice = gateway.AddUser("alice@example.com");
        var browser = gateway.Browser();

        var html = await browser.GetStringAsync("/login");
        var response = await browser.SignInAsync(gateway.IssuePersonalToken(alice, "laptop"), formToken: true);

        Assert.Contains("Sign in with Example IdP", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"token\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task OnlyTokenSignIn_PageExplainsHowToGetAFirstToken()
    {
        using var gateway = new GatewayFactory();

        var html = await gateway.Browser().GetStringAsync("/login");

        Assert.Contains("New here and no token yet?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderUnreachable_SignInEndsOnAClearPage_WithoutASession()
    {
        using var gateway = Oidc(new GatewayFactory());
        var browser = gateway.Browser();

        var response = await browser.PostFormAsync("/login/oidc", "/login", new Dictionary<string, string> { ["returnUrl"] = "/settings/tokens" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("could not be reached", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("scimgateway.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OidcStart_WithoutAntiforgeryField_IsRefused()
    {
        using var gateway = Oidc(new GatewayFactory());

        var response = await gateway.Browser().PostAsync("/login/oidc", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A provider on a loopback port nobody listens on.</summary>
    private static GatewayFactory Oidc(GatewayFactory gateway) => gateway
        .WithSetting("Authentication:Oidc:Authority", "http://127.0.0.1:9/")
        .WithSetting("Authentication:Oidc:ClientId", "gateway")
        .WithSetting("Authentication:Oidc:ClientSecret", "secret")
        .WithSetting("Authentication:Oidc:RequireHttpsMetadata", "false")
        .WithSetting("Authentication:Oidc:DisplayName", "Example IdP");
}
