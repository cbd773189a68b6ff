using System.Buffers.Binary;
using Microsoft.Playwright;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Usage;
using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    /// <summary>
    /// Seeds a realistic month (tokens in every state, daily usage), then photographs the page at 1280x800. Set
    /// UPDATE_DOCS_SCREENSHOT=1 to refresh docs/tokens-page.png, the picture the README shows.
    /// </summary>
    [Fact]
    public async Task TokensPage_Screenshot1280x800()
    {
        await using var gateway = new KestrelGateway(startsAgo: TimeSpan.FromDays(20));
        var user = gateway.AddUser("alice@example.com", Role.Admin);
        var used = gateway.IssuePersonalToken(user, "ci-pipeline", days: 90);
        var expiring = gateway.IssuePersonalToken(user, "ad-hoc-exploration", days: 30);
        gateway.IssuePersonalToken(user, "legacy-export", days: null);
        gateway.IssuePersonalToken(user, "laptop", days: 365);
        gateway.IssuePersonalToken(user, "short-lived-test", days: 7);
        gateway.IssueServiceToken("Data Pipeline", Role.Member, "nightly-sync", days: 60);

        var usedClient = gateway.ClientWithToken(used);
        var expiringClient = gateway.ClientWithToken(expiring);
        for (var day = 0; day < 20; day++)
        {
            var requests = 3 + (day * 7 % 11);
            for (var i = 0; i < requests; i++)
            {
                await (i % 4 == 0 ? expiringClient : usedClient).GetAsync("/api/user-tokens");
            }

            gateway.Service<UsageFlushService>().Flush();
            gateway.Time.Advance(TimeSpan.FromDays(1));
        }

        gateway.Service<IUsageStore>().Fold();
        gateway.Time.SetUtcNow(DateTimeOffset.UtcNow);
        var tokens = gateway.ClientWithToken(used);
        var laptop = (await (await tokens.GetAsync("/api/user-tokens")).ExpectJsonAsync(System.Net.HttpStatusCode.OK))
            .EnumerateArray().Single(t => t.GetProperty("name").GetString() == "laptop").GetProperty("id").GetString();
        await tokens.PutAsJsonAsync($"/api/user-tokens/{laptop}", new { revoke = true });

        var page = await SignInAsAsync(gateway, used);
        await Assertions.Expect(page.Locator("tr[data-token-name=\"ci-pipeline\"] svg.usage-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-token-name=\"short-lived-test\"] .badge")).ToHaveTextAsync("Expired");

        var path = Path.Combine(Path.GetTempPath(), "tokens-page-" + Guid.NewGuid().ToString("N") + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        var png = await File.ReadAllBytesAsync(path);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOT") == "1" && RepositoryRoot() is { } root)
        {
            File.Copy(path, Path.Combine(root, "docs", "tokens-page.png"), overwrite: true);
        }

        File.Delete(path);
    }

    private async Task<IPage> SignInAsAsync(KestrelGateway gateway, string token)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(gateway.BaseAddress + "/login");
        await page.GetByLabel("Personal access token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/tokens");
        return page;
    }

    private static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScimGateway.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
