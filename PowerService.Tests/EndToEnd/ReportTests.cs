using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A manager reads the month's scorecard, opens the complaints behind a number, and takes the report away as xlsx and PDF.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(ComplaintBuilder.Start);
        using var scope = _app.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureComplaintsAsync(200);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_manager_reads_the_months_scorecard()
    {
        var page = await _app.SignInAsync("manager");
        await page.ClickAsync("[data-testid=nav-reports]");
        await Expect(page.Locator("[data-testid=composite]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-scorecard.png"), FullPage = true });
        await page.ClickAsync("[data-testid=report-tabs] .mud-tab:has-text('分类统计')");
        await Expect(page.Locator("[data-testid=breakdown-table]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-breakdowns.png"), FullPage = true });
        await page.ClickAsync("[data-testid=report-tabs] .mud-tab:has-text('趋势')");
        await Expect(page.Locator("[data-testid=trend-volume-table]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-trend.png"), FullPage = true });
        await page.ClickAsync("[data-testid=report-tabs] .mud-tab:has-text('12398')");
        await Expect(page.Locator("[data-testid=nea-by-category]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-12398.png"), FullPage = true });
    }
}
