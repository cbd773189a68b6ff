using System.Net.Http.Headers;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.Jobs;

public sealed class SignInTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task LoginPage_IsAnAccessibleFormWithoutScript()
    {
        var response = await _gateway.Browser().GetAsync("/login?returnUrl=%2Fhangfire");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<label for=\"token\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"token\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"/hangfire\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PersonalToken_StartsHardenedSession_ThatTheTokenApiAccepts()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = _gateway.Browser();

        var response = await browser.SignInAsync(_gateway.IssuePersonalToken(alice, "laptop"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings/tokens", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("scimgateway.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var list = await (await browser.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("laptop", list[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task SignIn_ReturnUrl_OnlyLocal()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var token = _gateway.IssuePersonalToken(alice, "laptop");

        Assert.Equal("/hangfire", (await _gateway.Browser().SignInAsync(token, "/hangfire")).Headers.Location?.OriginalString);
        Assert.Equal("/settings/tokens", (await _gateway.Browser().SignInAsync(token, "//evil.example")).Headers.Location?.OriginalString);
        Assert.Equal("/settings/tokens", (await _gateway.Browser().SignInAsync(token, "https://evil.example/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_RevokedToken_Fails()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var token = _gateway.IssuePersonalToken(alice, "laptop");
        var id = _gateway.Service<ITokenStore>().ListByOwner(alice.Id).Single().Id;
        await (await _gateway.ClientWithToken(token).PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);
        var browser = _gateway.Browser();

        var response = await browser.SignInAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("scimgateway.session=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Theory]
    [InlineData("service")]
    [InlineData("scim")]
    [InlineData("garbage")]
    public async Task SignIn_ServiceScimOrInvalidToken_IsRefused(string kind)
    {
        var admin = _gateway.AddUser("root@example.com", Role.Admin);
        var token = kind switch
        {
            "service" => _gateway.IssueServiceToken("etl", Role.Admin),
            "scim" => _gateway.IssuePersonalToken(admin, "scim", scim: true),
            _ => "not-a-token",
        };
        var browser = _gateway.Browser();

        var response = await browser.SignInAsync(token);

        Assert.Equal(kind == "garbage" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryField_IsRefused()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var response = await _gateway.Browser().PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = _gateway.IssuePersonalToken(alice, "laptop") }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Session_TokenRevoked_EndsOnNextRequest()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var token = _gateway.IssuePersonalToken(alice, "laptop");
        var browser = await _gateway.SignedInBrowserAsync(token);
        var id = _gateway.Service<ITokenStore>().ListByOwner(alice.Id).Single().Id;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);

        await (await _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice, "other"))
            .PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);

        await (await browser.GetAsync("/api/user-tokens")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_OwnerDeactivated_EndsOnNextRequest()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/user-tokens")).StatusCode);

        var users = _gateway.Service<ScimGateway.Scim.Users.IScimUserStore>();
        var record = users.FindById(alice.Id)!;
        record.Active = false;
        users.Update(record);
        await _gateway.Service<ScimGateway.Scim.Provisioning.ProvisioningDispatcher>().DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));

        var response = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task Session_WithBadBearerHeader_BearerWins()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(alice, "laptop"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{\"token\":\"x\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "token=%ZZ&&==", HttpStatusCode.BadRequest)]
    public async Task SignIn_OddBodies_AreClientErrors(string contentType, string body, HttpStatusCode expected)
    {
        var response = await _gateway.Browser().PostRawAsync("/login", body, contentType);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_HugeForm_IsClientError()
    {
        var body = "token=" + new string('a', 5_000_000);

        var response = await _gateway.Browser().PostRawAsync("/login", body, "application/x-www-form-urlencoded");

        // Past Gateway:Limits:SignInFormBytes: refused before the form is parsed.
        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
