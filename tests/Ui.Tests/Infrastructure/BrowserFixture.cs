using Microsoft.Playwright;

namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the test class, driven by Playwright through <c>ExecutablePath</c>: no browser
/// download, so it works on the closed CI network once <c>.ci/run</c> has installed <c>chromium</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",

                // Loopback only: pages of the test identity provider import web fonts, which must fail at once.
                "--host-resolver-rules=MAP fonts.googleapis.com ~NOTFOUND",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
