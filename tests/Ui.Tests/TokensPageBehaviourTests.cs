using Microsoft.Playwright;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests;

/// <summary>The page as the guide shows it and as people expect it to behave.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TokensPageBehaviourTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("Done")]
    [InlineData("Escape")]
    [InlineData("Outside")]
    public async Task CopyDialog_ClosedAnyWay_RemovesTheSecretFromThePage(string how)
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");
        var page = session.Page;
        var shown = await session.GenerateAsync("secret-check");

        switch (how)
        {
            case "Done":
                await session.CloseResultAsync();
                break;
            case "Escape":
                await page.Keyboard.PressAsync("Escape");
                break;
            default:
                await page.Mouse.ClickAsync(5, 5);
                break;
        }

        await Assertions.Expect(session.Dialog).ToBeHiddenAsync();
        Assert.DoesNotContain(shown, await page.EvaluateAsync<string>("() => document.getElementById('new-token').value + document.body.innerHTML"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateFromServiceTokensTab_StartsWithTypeService()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "root@example.com", Role.Admin);
        var page = session.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Tokens" }).ClickAsync();
        await session.OpenGenerateAsync();
        await Assertions.Expect(session.Dialog.GetByLabel("Type", new() { Exact = true })).ToHaveValueAsync("service");
        await Assertions.Expect(session.Dialog.GetByLabel("Service User")).ToBeVisibleAsync();
        await session.Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Personal Tokens" }).ClickAsync();
        await session.OpenGenerateAsync();
        await Assertions.Expect(session.Dialog.GetByLabel("Type", new() { Exact = true })).ToHaveValueAsync("personal");
    }

    [Fact]
    public async Task DeactivateDialog_SaysServiceUsersWithActiveTokensCannotBeDeactivated_AsTheServerEnforces()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "root@example.com", Role.Admin);
        gateway.IssueServiceToken("etl", Role.Member, "etl-token");
        var page = session.Page;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Users" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for etl" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Deactivate" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Deactivate Service User" });

        await Assertions.Expect(dialog).ToContainTextAsync("Service users with active tokens cannot be deactivated");
        await dialog.GetByLabel("Type deactivate to confirm").FillAsync("deactivate");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deactivate-error")).Not.ToBeEmptyAsync();
        Assert.DoesNotMatch("^[a-z_]+ ", await page.Locator("#deactivate-error").TextContentAsync() ?? "");
    }

    [Fact]
    public async Task Validation_SpeaksInSentences_NotFieldCodes()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "root@example.com", Role.Admin);
        var page = session.Page;

        await session.OpenGenerateAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#token-name-error")).ToHaveTextAsync("Enter a name for the token.");
        await session.Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service Users" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Service Users" });
        await panel.GetByLabel("Name", new() { Exact = true }).FillAsync("!!!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Service User" }).ClickAsync();
        await Assertions.Expect(page.Locator("#service-user-error")).ToHaveTextAsync("The name must contain at least one letter or digit.");
    }

    [Fact]
    public async Task Keyboard_OpensTheRowMenuAndRevokes()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");
        var page = session.Page;

        // Not the token this session signed in with: revoking that one ends the session, as it should.
        await session.GenerateAsync("keyboard");
        await session.CloseResultAsync();
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Actions for keyboard" });
        await Assertions.Expect(menu).ToBeVisibleAsync();

        for (var i = 0; i < 30 && !await menu.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Revoke" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(session.Toast).ToHaveTextAsync("The token has been successfully revoked");
    }

    [Fact]
    public async Task Columns_KeepTheirWidth_WhenAStatusChanges()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");
        var page = session.Page;
        await session.GenerateAsync("short");
        await session.CloseResultAsync();
        await session.GenerateAsync("a-token-with-a-much-longer-name");
        await session.CloseResultAsync();
        var widths = "() => [...document.querySelectorAll('#panel-personal th')].map(th => Math.round(th.getBoundingClientRect().width)).join(',')";
        var before = await page.EvaluateAsync<string>(widths);

        await session.ChooseFromMenuAsync("short", "Revoke");
        await Assertions.Expect(session.Row("short").Locator(".badge")).ToHaveTextAsync("Revoked");
        await session.ChooseFromMenuAsync("a-token-with-a-much-longer-name", "Revoke");

        await Assertions.Expect(session.Row("a-token-with-a-much-longer-name").Locator(".badge")).ToHaveTextAsync("Revoked");
        Assert.Equal(before, await page.EvaluateAsync<string>(widths));
    }

    [Fact]
    public async Task SessionEnded_PersonDeactivated_SignInPageSaysWhy()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");
        var users = gateway.Service<IScimUserStore>();
        var alice = users.FindByUserName("alice@example.com")!;
        alice.Active = false;
        users.Update(alice);
        await gateway.Service<ScimGateway.Scim.Provisioning.ProvisioningDispatcher>().DeliverPendingAsync(CancellationToken.None);

        await session.Page.ReloadAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your session ended because your account is no longer active in the directory.");
    }

    [Fact]
    public async Task SignOut_ShowsTheSignedOutMessage()
    {
        await using var gateway = new KestrelGateway();
        var session = await TokensPageSession.SignInAsync(browser.Browser, gateway, "alice@example.com");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have been signed out.");
    }
}
