using ScimGateway.Gateway.Tests.Proxy;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.CliLogin;

/// <summary><c>/api/cli/authorize</c> over HTTP, as a browser and as an attacker would drive it.</summary>
public sealed class CliAuthorizeTests(CliLoginFixture fixture) : IClassFixture<CliLoginFixture>
{
    private const string Callback = "http://127.0.0.1:53682/callback";

    private GatewayFactory Gateway => fixture.Gateway;

    [Fact]
    public async Task Authorize_WithoutSession_SendsToSignIn_AndSignInReturnsToTheSameRequest()
    {
        var person = Gateway.AddUser("cli.anonymous@example.com");
        var browser = Gateway.Browser();
        var url = CliAuthorize.Url(Callback, "s-anonymous", "build-box");

        var first = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!.OriginalString;
        Assert.StartsWith("/login?returnUrl=", login, StringComparison.Ordinal);
        var returnUrl = Uri.UnescapeDataString(login["/login?returnUrl=".Length..]);
        Assert.Equal(url, returnUrl);

        var signIn = await browser.SignInAsync(Gateway.IssuePersonalToken(person, "laptop"), returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(url, signIn.Headers.Location?.OriginalString);
        var consent = await browser.GetConsentAsync(url);
        Assert.Equal("qualytics CLI (build-box)", consent.TokenName);
        Assert.Contains("cli.anonymous@example.com", consent.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1.example.com/callback")]
    [InlineData("http://127.0.0.1.example.com:8080/callback")]
    [InlineData("http://localhost.example.com:8080/callback")]
    [InlineData("https://127.0.0.1:8080/callback")]
    [InlineData("HTTP://127.0.0.1:8080/callback")]
    [InlineData("http://evil@127.0.0.1:1/callback")]
    [InlineData("http://127.0.0.1:1@evil.example/callback")]
    [InlineData("http://127.0.0.1:8080\\@evil.example/callback")]
    [InlineData("http://127.0.0.1:8080/other")]
    [InlineData("http://127.0.0.1:8080/callback/")]
    [InlineData("http://127.0.0.1:8080/callback/../x")]
    [InlineData("http://127.0.0.1:8080/Callback")]
    [InlineData("http://127.0.0.1:8080/callback?next=https://evil.example")]
    [InlineData("http://127.0.0.1:8080/callback#x")]
    [InlineData("http://127.0.0.1/callback")]
    [InlineData("http://127.0.0.1:0/callback")]
    [InlineData("http://127.0.0.1:65536/callback")]
    [InlineData("http://127.0.0.1:08080/callback")]
    [InlineData("http://127.0.0.2:8080/callback")]
    [InlineData("http://2130706433:8080/callback")]
    [InlineData("http://[::ffff:127.0.0.1]:8080/callback")]
    [InlineData("http://evil.example:8080/callback")]
    [InlineData("//127.0.0.1:8080/callback")]
    [InlineData("/callback")]
    [InlineData("http://127.0.0.1:8080/callback\t")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Authorize_RedirectUriNotTheCliLoopback_ErrorPageAndNoRedirect(string? redirectUri)
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var response = await browser.GetAsync(CliAuthorize.Url(redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_RedirectUriGivenTwice_ErrorPage()
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var response = await browser.GetAsync(CliAuthorize.Url() + "&redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:1/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("http://127.0.0.1:53682/callback")]
    [InlineData("http://[::1]:53682/callback")]
    [InlineData("http://localhost:1/callback")]
    [InlineData("http://localhost:65535/callback")]
    public async Task Authorize_LoopbackCallback_ShowsConsent(string redirectUri)
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var consent = await browser.GetConsentAsync(CliAuthorize.Url(redirectUri));

        Assert.Contains(redirectUri[..redirectUri.LastIndexOf('/')], consent.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a&b=c")]
    [InlineData("<script>")]
    [InlineData("oversized")]
    public async Task Authorize_MissingOrBadState_ErrorPageAndNoRedirect(string? state)
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var response = await browser.GetAsync(CliAuthorize.Url(Callback, state == "oversized" ? new string('s', 513) : state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("state", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_StateOf512UrlSafeCharacters_ComesBackUnchanged()
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();
        var state = string.Concat(Enumerable.Repeat("Ab9-._~", 74))[..512];

        var response = await browser.DecideAsync(await browser.GetConsentAsync(CliAuthorize.Url(Callback, state)), "approve");

        Assert.Equal(state, CliAuthorize.CallbackQuery(response, Callback)["state"]);
    }

    [Fact]
    public async Task Authorize_Hostname_IsCleanedAndCutBeforeItIsShownOrNamed()
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var consent = await browser.GetConsentAsync(CliAuthorize.Url(Callback, "s-host", "<img src=x onerror=alert(1)>\r\nLaptop." + new string('x', 200)));

        Assert.DoesNotContain("<img", consent.Html, StringComparison.Ordinal);
        const string kept = "imgsrcxonerroralert1Laptop.";
        Assert.Equal("qualytics CLI (" + kept + new string('x', 63 - kept.Length) + ")", consent.TokenName);
    }

    [Fact]
    public async Task Approve_IssuesPersonalToken_AndRedirectsToTheCliWithTokenAndState()
    {
        var (person, signInToken, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url(Callback, "s-approve", "ci-runner"));

        var response = await browser.DecideAsync(consent, "approve");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var query = CliAuthorize.CallbackQuery(response, Callback);
        Assert.Equal("s-approve", query["state"]);
        var token = query["token"];

        // What the CLI checks: a JWT whose exp is in the future (90 days by default).
        var payload = Jwt.DecodeWithoutKey(token).Payload;
        Assert.Equal(Gateway.Time.GetUtcNow().AddDays(90).ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        Assert.Equal(person.Id, payload.GetProperty("sub").GetString());

        // A token like any other: listed with its name, usable, revocable from the session.
        var list = await (await browser.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        var listed = list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "qualytics CLI (ci-runner)");
        Assert.Equal(Jwt.TokenId(token), listed.GetProperty("id").GetString());
        Assert.Equal("personal", listed.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);

        // Created as the token page creates tokens, plus an entry that says where it went.
        var audit = Gateway.Service<AuditTrail>();
        Assert.Equal(person.Id, Assert.Single(audit.Find(AuditActions.TokenCreated, Jwt.TokenId(token))).Actor);
        Assert.Contains("CLI sign-in", Assert.Single(audit.Find(AuditActions.TokenIssuedToCli, Jwt.TokenId(token))).Detail, StringComparison.Ordinal);

        Assert.DoesNotContain(Gateway.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(Gateway.Logs.Lines, line => line.Contains(token[^20..], StringComparison.Ordinal));
        Assert.DoesNotContain(Gateway.Logs.Lines, line => line.Contains(signInToken, StringComparison.Ordinal));

        var revoke = await Gateway.ClientWithToken(signInToken).PutAsJsonAsync($"/api/user-tokens/{Jwt.TokenId(token)}", new { revoke = true });
        await revoke.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("60", 60)]
    [InlineData("365", 365)]
    [InlineData("never", null)]
    public async Task Approve_ChosenExpiration_IsTheTokensExpiration(string choice, int? days)
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var response = await browser.DecideAsync(await browser.GetConsentAsync(CliAuthorize.Url()), "approve", choice);

        var payload = Jwt.DecodeWithoutKey(CliAuthorize.CallbackQuery(response, Callback)["token"]).Payload;
        if (days is null)
        {
            Assert.False(payload.TryGetProperty("exp", out _));
        }
        else
        {
            Assert.Equal(Gateway.Time.GetUtcNow().AddDays(days.Value).ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        }
    }

    [Theory]
    [InlineData("7")]
    [InlineData("366")]
    [InlineData("")]
    public async Task Approve_ExpirationNotOffered_RefusedWithoutToken(string choice)
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();

        var response = await browser.DecideAsync(await browser.GetConsentAsync(CliAuthorize.Url()), "approve", choice);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));
    }

    [Fact]
    public async Task Approve_SecondLoginFromTheSameMachine_GetsAUniqueName()
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();
        await browser.DecideAsync(await browser.GetConsentAsync(CliAuthorize.Url(Callback, "s1", "same-box")), "approve");

        var second = await browser.GetConsentAsync(CliAuthorize.Url(Callback, "s2", "SAME-box"));

        Assert.Equal("qualytics CLI (SAME-box) 2", second.TokenName);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.DecideAsync(second, "approve")).StatusCode);
    }

    [Fact]
    public async Task Approve_SameFormSubmittedTwice_IssuesOneToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.DecideAsync(consent, "approve")).StatusCode);

        var replay = await browser.DecideAsync(consent, "approve");

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Null(replay.Headers.Location);
        Assert.Equal(2, Gateway.Service<ITokenStore>().ListByOwner(person.Id).Count);
    }

    [Fact]
    public async Task Approve_ConcurrentSubmissionsOfOneForm_IssueOneToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.DecideAsync(consent, "approve")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.Equal(2, Gateway.Service<ITokenStore>().ListByOwner(person.Id).Count);
    }

    [Fact]
    public async Task Approve_WithoutAntiforgeryToken_RefusedWithoutToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());

        var response = await browser.DecideAsync(consent, "approve", withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));
    }

    [Fact]
    public async Task Approve_AlteredConsent_RefusedWithoutToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());
        var altered = consent with { Consent = consent.Consent[..^4] + (consent.Consent[^4..] == "AAAA" ? "BBBB" : "AAAA") };

        var response = await browser.DecideAsync(altered, "approve");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));
    }

    [Fact]
    public async Task Approve_ConsentShownToAnotherSession_RefusedWithoutToken()
    {
        var (person, _, first) = await fixture.SignedInPersonAsync();
        var second = await Gateway.SignedInBrowserAsync(Gateway.IssuePersonalToken(person, "second browser"));
        var shownToFirst = await first.GetConsentAsync(CliAuthorize.Url());
        var secondsForm = await second.GetConsentAsync(CliAuthorize.Url());

        var response = await second.DecideAsync(shownToFirst with { Antiforgery = secondsForm.Antiforgery }, "approve");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(2, Gateway.Service<ITokenStore>().ListByOwner(person.Id).Count);
    }

    [Fact]
    public async Task Approve_AfterTheConsentPageExpired_RefusedWithoutToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());
        Gateway.Time.Advance(TimeSpan.FromMinutes(11));

        var response = await browser.DecideAsync(consent, "approve");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));
    }

    [Fact]
    public async Task Deny_RedirectsWithAccessDeniedAndState_AndIssuesNoToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url(Callback, "s-deny"));

        var response = await browser.DecideAsync(consent, "deny");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var query = CliAuthorize.CallbackQuery(response, Callback);
        Assert.Equal(new Dictionary<string, string> { ["error"] = "access_denied", ["state"] = "s-deny" }, query);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));

        // The denied form cannot be approved afterwards.
        Assert.Equal(HttpStatusCode.Conflict, (await browser.DecideAsync(consent, "approve")).StatusCode);
    }

    [Fact]
    public async Task Approve_PersonDeactivatedAfterConsentWasShown_RefusedWithoutToken()
    {
        var (person, _, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());
        await fixture.DeactivateAsync(person);

        var response = await browser.DecideAsync(consent, "approve");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));
    }

    [Fact]
    public async Task Authorize_DeactivatedPerson_IsSentToSignIn_WhichRefusesThem()
    {
        var (person, signInToken, browser) = await fixture.SignedInPersonAsync();
        await fixture.DeactivateAsync(person);

        var response = await browser.GetAsync(CliAuthorize.Url());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Gateway.Browser().SignInAsync(signInToken, CliAuthorize.Url())).StatusCode);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("service")]
    [InlineData("scim")]
    public async Task Authorize_BearerTokenWithoutSession_IsNotASession(string kind)
    {
        var person = Gateway.AddUser($"cli.bearer.{kind}@example.com");
        var token = kind switch
        {
            "personal" => Gateway.IssuePersonalToken(person, "laptop"),
            "service" => Gateway.IssueServiceToken("cli-etl-" + kind),
            _ => Gateway.IssuePersonalToken(person, "scim", scim: true),
        };
        var client = Gateway.ClientWithToken(token);

        var show = await client.GetAsync(CliAuthorize.Url());
        var approve = await client.PostAsync(CliAuthorize.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));

        Assert.Equal(HttpStatusCode.Redirect, show.StatusCode);
        Assert.StartsWith("/login?", show.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, approve.StatusCode);
        Assert.Null(approve.Headers.Location);
    }

    [Fact]
    public async Task Approve_FormPostedWithBearerTokenInsteadOfSession_IssuesNoToken()
    {
        var (person, signInToken, browser) = await fixture.SignedInPersonAsync();
        var consent = await browser.GetConsentAsync(CliAuthorize.Url());

        var response = await Gateway.ClientWithToken(signInToken).DecideAsync(consent, "approve");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(Gateway.Service<ITokenStore>().ListByOwner(person.Id));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Authorize_OtherMethods_AreNotForwardedUpstream(string method)
    {
        var person = Gateway.AddUser($"cli.method.{method}@example.com");
        var client = Gateway.ClientWithToken(Gateway.IssuePersonalToken(person, "laptop"));

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), CliAuthorize.Url()));

        Assert.Contains("not forwarded", await response.ExpectProblemAsync(HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentPage_IsNotCachedNorFramed_AndAllowsTheFormToReachOnlyTheCallbackOrigin()
    {
        var (_, _, browser) = await fixture.SignedInPersonAsync();

        var response = await browser.GetAsync(CliAuthorize.Url());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' http://127.0.0.1:53682;", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }
}
