using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests.CliLogin;

/// <summary>
/// <c>qualytics auth login --url GATEWAY</c> end to end: the CLI's callback server, a real Chromium that signs in and
/// approves, and the received token used through the proxy against a real upstream.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CliLoginBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private EchoUpstream _upstream = null!;
    private ProxiedKestrelGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _gateway = new ProxiedKestrelGateway(_upstream.Address);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task AuthLogin_SignInAndApprove_CliReceivesAWorkingPersonalToken()
    {
        var person = _gateway.AddUser("dana@example.com");
        var signInToken = _gateway.IssuePersonalToken(person, "first token");
        await using var cli = await CliCallbackServer.StartAsync();
        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();

        await page.GotoAsync(cli.AuthorizeUrl(_gateway.BaseAddress, "danas-laptop"));
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Personal access token").FillAsync(signInToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the qualytics CLI" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#person")).ToHaveTextAsync("dana@example.com");
        await Assertions.Expect(page.Locator("#hostname")).ToHaveTextAsync("danas-laptop");
        await Assertions.Expect(page.Locator("#token-name")).ToHaveTextAsync("qualytics CLI (danas-laptop)");
        await Assertions.Expect(page.GetByLabel("Expiration")).ToHaveValueAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        var callback = await cli.ReceivedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Authentication complete" })).ToBeVisibleAsync();
        var (token, payload) = callback.AcceptAsTheCliDoes(cli.State);
        Assert.Equal(_gateway.Time.GetUtcNow().AddDays(90).ToUnixTimeSeconds(), payload.GetProperty("exp").GetInt64());
        Assert.Equal("", callback.Referer);

        // What the CLI does next: call the Qualytics API through the gateway with the saved token.
        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await api.GetAsync(_gateway.BaseAddress + "/api/datastores?size=10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("headers");
        Assert.Equal("dana@example.com", echoed.GetProperty("X-Gateway-User-Name").GetString());
        Assert.Equal(person.Id, echoed.GetProperty("X-Gateway-User-Id").GetString());
        Assert.Equal(payload.GetProperty("jti").GetString(), echoed.GetProperty("X-Gateway-Token-Id").GetString());
        Assert.False(echoed.TryGetProperty("Authorization", out _));

        // Listed with the person's other tokens.
        var tokens = await (await api.GetAsync(_gateway.BaseAddress + "/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Contains(tokens.EnumerateArray(), t => t.GetProperty("name").GetString() == "qualytics CLI (danas-laptop)");
        Assert.DoesNotContain(_gateway.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthLogin_Deny_CliReceivesAccessDeniedAndNoToken()
    {
        var person = _gateway.AddUser("erin@example.com");
        var signInToken = _gateway.IssuePersonalToken(person, "first token");
        await using var cli = await CliCallbackServer.StartAsync();
        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();

        await page.GotoAsync(cli.AuthorizeUrl(_gateway.BaseAddress, "erins-desktop"));
        await page.GetByLabel("Personal access token").FillAsync(signInToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();

        var callback = await cli.ReceivedAsync();
        Assert.Equal("access_denied", callback.Query["error"]);
        Assert.Equal(cli.State, callback.Query["state"]);
        Assert.False(callback.Query.ContainsKey("token"));
        Assert.Single(_gateway.Service<ScimGateway.Tokens.Storage.ITokenStore>().ListByOwner(person.Id));
    }
}
