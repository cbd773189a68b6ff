using System.Net.Http.Headers;
using Microsoft.Playwright;
using ScimGateway.Tokens;
using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TokensPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task PersonalToken_GenerateCopyUseRevokeRestoreDelete()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");
        var page = session.Page;

        var shown = await session.GenerateAsync("DataAccessToken", "30 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(shown, copied);
        await session.CloseResultAsync();

        var row = session.Row("DataAccessToken");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Active");
        await Assertions.Expect(row.Locator(".expiration span")).ToHaveTextAsync("Expires in 30 days");
        await Assertions.Expect(row.Locator(".last-used")).ToHaveTextAsync("Not Used");

        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", copied);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync(gateway.BaseAddress + "/api/user-tokens")).StatusCode);
        await page.ReloadAsync();
        await Assertions.Expect(row.Locator(".last-used")).Not.ToHaveTextAsync("Not Used");

        await session.ChooseFromMenuAsync("DataAccessToken", "Revoke");
        await Assertions.Expect(session.Toast).ToHaveTextAsync("The token has been successfully revoked");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Revoked");
        Assert.Equal("rgb(154, 77, 0)", await row.Locator(".badge").EvaluateAsync<string>("b => getComputedStyle(b).color"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync(gateway.BaseAddress + "/api/user-tokens")).StatusCode);

        await session.ChooseFromMenuAsync("DataAccessToken", "Restore");
        await Assertions.Expect(session.Toast).ToHaveTextAsync("The token has been successfully restored");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Active");
        Assert.Equal("rgb(14, 122, 62)", await row.Locator(".badge").EvaluateAsync<string>("b => getComputedStyle(b).color"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync(gateway.BaseAddress + "/api/user-tokens")).StatusCode);

        await session.ChooseFromMenuAsync("DataAccessToken", "Revoke");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Revoked");
        await session.ChooseFromMenuAsync("DataAccessToken", "Delete");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete Token" });
        await Assertions.Expect(dialog).ToContainTextAsync("DataAccessToken");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(session.Toast).ToHaveTextAsync("User token successfully deleted");
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Download_SavesNameDashTokenTxt_HoldingExactlyTheToken()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");

        var shown = await session.GenerateAsync("nightly-export");
        var download = await session.Page.RunAndWaitForDownloadAsync(() =>
            session.Page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());

        Assert.Equal("nightly-export-token.txt", download.SuggestedFilename);
        Assert.Equal(shown, await File.ReadAllTextAsync((await download.PathAsync())!));
    }

    [Fact]
    public async Task NonAdmin_SeesNoTypeSelectorScimCheckboxOrServiceTabs()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "member@example.com");
        var page = session.Page;

        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Service Tokens" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Service Users" })).ToHaveCountAsync(0);
        await session.OpenGenerateAsync();
        await Assertions.Expect(page.GetByLabel("Type", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("SCIM Administration Token")).ToHaveCountAsync(0);
        Assert.DoesNotContain("token-scim", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CreatesServiceUserAndServiceToken()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "admin@example.com", Role.Admin);
        var page = session.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Users" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Service Users" });
        await panel.GetByLabel("Name", new() { Exact = true }).FillAsync("Pipeline Bot");
        await panel.GetByLabel("Role").SelectOptionAsync("Manager");
        await panel.GetByLabel("Teams").FillAsync("Finance, Ops");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Service User" }).ClickAsync();
        await Assertions.Expect(session.Toast).ToHaveTextAsync("Service user pipeline_bot@service created");
        await Assertions.Expect(page.Locator("tr[data-service-user-id=\"pipeline_bot@service\"]")).ToContainTextAsync("Public, Finance, Ops");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Personal Tokens" }).ClickAsync();
        await session.OpenGenerateAsync();
        await session.Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("pipeline-prod");
        await session.Dialog.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("service");
        await session.Dialog.GetByLabel("Service User").SelectOptionAsync("pipeline_bot@service");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your token")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^eyJ"));
        await session.CloseResultAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Tokens" }).ClickAsync();
        await Assertions.Expect(page.Locator("#service-rows tr[data-token-name=\"pipeline-prod\"]")).ToContainTextAsync("Pipeline Bot");
    }

    [Fact]
    public async Task DuplicateName_ShowsConflictNextToTheField_AndNeverShowsItsWarning()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");
        var page = session.Page;
        await session.GenerateAsync("deploy");
        await session.CloseResultAsync();

        await session.OpenGenerateAsync();
        await session.Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("DEPLOY");
        var warning = page.GetByText("Avoid the Never option");
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await session.Dialog.GetByLabel("Expiration").SelectOptionAsync(new SelectOptionValue { Label = "Never" });
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#token-name-error")).ToContainTextAsync("already exists");
        await Assertions.Expect(session.Dialog.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Page_SendsSecurityHeaders_AndRejectsStateChangesWithoutCsrfToken()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");

        var response = await session.Page.ReloadAsync();
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);

        // The session cookie alone, without the page's CSRF token, cannot change anything.
        var status = await session.Page.EvaluateAsync<int>("""
            async () => (await fetch('/api/user-tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ name: 'csrf', expires_in_days: 30 }) })).status
            """);
        Assert.Equal(400, status);
    }
}
