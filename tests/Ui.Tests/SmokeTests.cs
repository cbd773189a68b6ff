using ScimGateway.Ui.Tests.Infrastructure;

namespace ScimGateway.Ui.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Browser_ReachesTheGatewayOnLoopback()
    {
        await using var gateway = new KestrelGateway();
        var page = await browser.Browser.NewPageAsync();

        var response = await page.GotoAsync(gateway.BaseAddress + "/healthz");

        Assert.Equal(200, response!.Status);
        Assert.Contains("healthy", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
