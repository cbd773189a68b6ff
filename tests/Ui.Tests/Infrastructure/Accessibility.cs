using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ScimGateway.Ui.Tests.Infrastructure;

/// <summary>The axe-core engine over the page as it is now: no serious or critical violation.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, what + ":\n" + string.Join("\n", serious));
    }

    /// <summary>Nothing is wider than the viewport: no horizontal scrolling of the page.</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page, string what)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"{what}: the page is {scroll} px wide in a {client} px viewport.");
    }

    /// <summary>The element's box lies inside the viewport horizontally, so a person can see and tap it.</summary>
    public static async Task AssertInsideViewportAsync(IPage page, ILocator locator, string what)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException(what + " has no box.");
        var width = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what} spans {box.X}..{box.X + box.Width} px in a {width} px viewport.");
    }
}
