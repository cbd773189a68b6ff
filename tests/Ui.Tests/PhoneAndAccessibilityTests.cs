using Microsoft.Playwright;
using ScimGateway.Tokens;
using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests;

/// <summary>The UI at 390 x 844 (a phone), and the axe-core check on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAndAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task Phone_TokensPage_NothingOverflows_AndEveryActionIsReachable()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "a-rather-long-user-name@example-company.com", Role.Admin, 390, 844);
        var page = session.Page;
        gateway.IssueServiceToken("Nightly Data Pipeline", Role.Member, "nightly-sync-production-pipeline", days: 60);
        await page.ReloadAsync();
        await Assertions.Expect(session.Row("browser sign-in")).ToBeVisibleAsync();
        await Accessibility.AssertNoHorizontalOverflowAsync(page, "Personal tokens");
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }), "Sign out");
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Settings" }), "Settings in the side panel");

        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for browser sign-in" }).ClickAsync();
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Menuitem, new() { Name = "Revoke" }), "Row menu");
        await page.Keyboard.PressAsync("Escape");

        await session.OpenGenerateAsync();
        await Accessibility.AssertInsideViewportAsync(page, session.Dialog, "Generate dialog");
        await Accessibility.AssertInsideViewportAsync(page, session.Dialog.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }), "Generate button");
        await session.Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Tokens" }).ClickAsync();
        await Assertions.Expect(page.Locator("#service-rows tr")).ToHaveCountAsync(1);
        await Accessibility.AssertNoHorizontalOverflowAsync(page, "Service tokens");
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Actions for nightly-sync-production-pipeline" }), "Service token menu");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Users" }).ClickAsync();
        await Assertions.Expect(page.Locator("#service-user-rows tr")).ToHaveCountAsync(1);
        await Accessibility.AssertNoHorizontalOverflowAsync(page, "Service users");
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create Service User" }), "Create Service User");
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Nightly Data Pipeline" }).ClickAsync();
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Menuitem, new() { Name = "Deactivate" }), "Service user menu");
    }

    [Fact]
    public async Task Phone_SignInPage_NothingOverflows()
    {
        await using var gateway = new KestrelGateway();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(gateway.BaseAddress + "/login?ended=expired");

        await Accessibility.AssertNoHorizontalOverflowAsync(page, "Sign-in page");
        await Accessibility.AssertInsideViewportAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), "Sign in");
    }

    [Fact]
    public async Task Axe_SignInPages_HaveNoSeriousViolations()
    {
        await using var gateway = new KestrelGateway(configure: g => g
            .WithSetting("Authentication:Oidc:Authority", "http://127.0.0.1:9")
            .WithSetting("Authentication:Oidc:ClientId", "gateway")
            .WithSetting("Authentication:Oidc:RequireHttpsMetadata", "false")
            .WithSetting("Authentication:Oidc:DisplayName", "Okta"));
        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();

        await page.GotoAsync(gateway.BaseAddress + "/login?ended=inactive");
        await Assertions.Expect(page.GetByText("no longer active in the directory")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Sign-in page with Okta and token sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Okta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be reached");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Sign-in failure page");

        await using var tokenOnly = new KestrelGateway();
        await page.GotoAsync(tokenOnly.BaseAddress + "/login");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Sign-in page, token sign-in only");
    }

    [Fact]
    public async Task Axe_TokensPageAndDialogs_AndAdminsOnlyPage_HaveNoSeriousViolations()
    {
        await using var gateway = new KestrelGateway();
        var admin = await TokensPageSession.SignInAsync(browser.Browser, gateway, "root@example.com", Role.Admin);
        gateway.IssueServiceToken("etl", Role.Member, "etl-token");
        var page = admin.Page;
        await page.ReloadAsync();
        await Assertions.Expect(admin.Row("browser sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.usage-chart").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Personal tokens (admin)");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Tokens" }).ClickAsync();
        await Assertions.Expect(page.Locator("#service-rows tr")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Service tokens");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Users" }).ClickAsync();
        await Assertions.Expect(page.Locator("#service-user-rows tr")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Service users");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Personal Tokens" }).ClickAsync();
        await admin.GenerateAsync("axe-check");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "Token shown once");
        await admin.CloseResultAsync();

        var member = await TokensPageSession.SignInAsync(browser.Browser, gateway, "member@example.com");
        await Accessibility.AssertNoSeriousViolationsAsync(member.Page, "Personal tokens (member)");
        var denied = await member.Page.GotoAsync(gateway.BaseAddress + "/hangfire");
        Assert.Equal(403, denied!.Status);
        await Assertions.Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Admins only" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(member.Page, "Admins only");
    }
}
