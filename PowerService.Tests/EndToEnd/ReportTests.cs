using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Tests.Data.Reports;
using PowerService.Tests.Documents;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A manager reads a month's scorecard, opens the complaints behind a number, and takes the report away as xlsx and PDF.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(ComplaintBuilder.Start);
        using var scope = _app.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureComplaintsAsync(600);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_manager_picks_a_month_opens_a_number_and_downloads_the_xlsx_and_the_pdf()
    {
        var page = await _app.SignInAsync("manager");
        // A link clicked while the 工作台's circuit is still starting changes the address but not the page (as in the other browser tests, wait for it).
        await Expect(page.Locator("[data-testid=queue-scope] button").First).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await page.ClickAsync("[data-testid=nav-reports]");
        await Expect(page.Locator("[data-testid=export-xlsx]")).ToBeEnabledAsync(new() { Timeout = 15_000 }); // interactive

        await page.ChooseAsync("period-month", "10月");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("period=2026-10"));
        await Expect(page.Locator("[data-testid=scorecard-basis]")).ToContainTextAsync("2026年10月");
        var composite = await page.Locator("[data-testid=composite]").InnerTextAsync();
        var received = await page.Locator("[data-testid=total-received]").InnerTextAsync();
        Assert.NotEqual("0", received);
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-scorecard.png"), FullPage = true });

        // The number opens the complaints behind it: the 工作台 with the report's filter, as many as the number says.
        var timely = await page.Locator("[data-testid=kpi-Timeliness-numerator]").InnerTextAsync();
        await page.ClickAsync("[data-testid=kpi-Timeliness-numerator]");
        await Expect(page.Locator("[data-testid=drill-total]")).ToContainTextAsync($"共 {timely} 件");
        await Expect(page.Locator("[data-testid=drill-banner]")).ToContainTextAsync("2026年10月");
        await Expect(page.Locator("[data-testid=drill-banner]")).ToContainTextAsync("按时办结");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-drill-down.png"), FullPage = true });
        await page.ClickAsync("[data-testid=drill-back]");
        await Expect(page.Locator("[data-testid=composite]")).ToHaveTextAsync(composite);
        await Expect(page.Locator("[data-testid=export-xlsx]")).ToBeEnabledAsync(new() { Timeout = 15_000 });

        var xlsx = await DownloadAsync(page, "export-xlsx");
        Assert.Empty(XlsxRead.Errors(xlsx));
        var compositeRow = XlsxRead.Rows(xlsx, "汇总").Single(r => r[0] == "综合得分");
        Assert.True(compositeRow.Count > 4 && compositeRow[4] == composite, string.Join(" / ", XlsxRead.Rows(xlsx, "汇总").Select(r => string.Join("|", r))));
        Assert.Equal(received, XlsxRead.Rows(xlsx, "汇总").Single(r => r[0] == "受理量")[7]);

        var pdf = PdfText.Squeeze(PdfText.Extract(await DownloadAsync(page, "export-pdf")));
        Assert.Contains("投诉管理报表（2026年10月·全公司）", pdf);
        Assert.Contains($"综合得分{composite}分", pdf);
        Assert.Contains($"本期受理投诉{received}件", pdf);

        foreach (var (tab, table, shot) in new[] { ("分类统计", "breakdown-table", "reports-breakdowns.png"), ("趋势", "trend-volume-table", "reports-trend.png"), ("12398", "nea-by-category", "reports-12398.png") })
        {
            await page.ClickAsync($"[data-testid=report-tabs] .mud-tab:has-text('{tab}')");
            await Expect(page.Locator($"[data-testid={table}]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath(shot), FullPage = true });
        }
    }

    /// <summary>Starts an export, waits for it, and downloads the file as the browser does.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, string button)
    {
        await page.ClickAsync($"[data-testid={button}]");
        var link = page.Locator("[data-testid=export-download]");
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        await page.Locator(".mud-alert-close-button").ClickAsync(); // dismiss, so the next export's link is its own
        return await File.ReadAllBytesAsync(path);
    }
}
