using Microsoft.Playwright;
using ScimGateway.Tokens;

namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>A signed-in browser page on the tokens page, with helpers that read like the product guide's steps.</summary>
public sealed class TokensPageSession(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<TokensPageSession> SignInAsync(IBrowser browser, KestrelGateway gateway, string userName, Role role = Role.Member,
        int width = 1280, int height = 800)
    {
        var user = gateway.AddUser(userName, role);
        var signInToken = gateway.IssuePersonalToken(user, "browser sign-in");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = gateway.BaseAddress });
        var page = await context.NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/settings/tokens");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Personal access token").FillAsync(signInToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/settings/tokens");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tokens" })).ToBeVisibleAsync();
        return new TokensPageSession(page);
    }

    public ILocator Row(string tokenName) => Page.Locator($"tr[data-token-name=\"{tokenName}\"]");

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog, new() { Name = "Generate Token" });

    public ILocator Toast => Page.Locator("#toasts .toast").Last;

    public async Task<string> GenerateAsync(string name, string expiration = "30 days")
    {
        await OpenGenerateAsync();
        await Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Dialog.GetByLabel("Expiration").SelectOptionAsync(new SelectOptionValue { Label = expiration });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        var token = Page.GetByLabel("Your token");
        await Assertions.Expect(token).ToBeVisibleAsync();
        return await token.InputValueAsync();
    }

    public async Task OpenGenerateAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Generate Token" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Dialog, new() { Name = "Generate Token" })).ToBeVisibleAsync();
    }

    public async Task CloseResultAsync() => await Page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

    public async Task ChooseFromMenuAsync(string tokenName, string item)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Actions for " + tokenName }).ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = item }).ClickAsync();
    }
}
