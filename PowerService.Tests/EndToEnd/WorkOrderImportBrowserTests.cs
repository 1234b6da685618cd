using Microsoft.Playwright;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.WorkOrders.Import;
using static Microsoft.Playwright.Assertions;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.EndToEnd;

/// <summary>An intake agent imports a 12398 export in Chromium: upload, mapping, a preview naming the bad row's error, the import, and the rejected rows downloaded with their reason.</summary>
public sealed class WorkOrderImportBrowserTests : IAsyncLifetime
{
    private AppHost _app = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(ComplaintBuilder.Start);
        _folder = WorkOrderFiles.Folder();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_agent_uploads_maps_previews_imports_and_downloads_the_rejected_rows()
    {
        var file = Path.Combine(_folder, "12398-工单.xlsx");
        WorkOrderFiles.Xlsx(file, Headers12398, [Valid(1, "GD-E2E-0001"), Valid(2, "GD-E2E-0002").With("来电时间", "2026-11-31 08:30"), Valid(3, "GD-E2E-0003").With("紧急程度", "火急")]);
        var page = await _app.SignInAsync("agent");
        await page.GotoAsync($"{_app.BaseUrl}/workorders/import");
        await Expect(page.Locator("[data-testid=import-choose]")).ToBeEnabledAsync(new() { Timeout = 15_000 }); // interactive

        await page.ChooseFilesAsync("input[type=file]", file);
        await Expect(page.Locator("[data-testid=count-new]")).ToHaveTextAsync("将新建 1 件", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid=preview-errors]")).ToContainTextAsync("无法识别的时间“2026-11-31 08:30”");
        await Expect(page.Locator("[data-testid=preview-errors]")).ToContainTextAsync("无法识别的紧急程度“火急”");

        // The platform's urgency column is not to be trusted: left out, the source's fixed value 一般 applies.
        await page.ChooseAsync("map-紧急程度", "（不导入）");
        await page.ClickAsync("[data-testid=preview-again]");
        await Expect(page.Locator("[data-testid=count-new]")).ToHaveTextAsync("将新建 2 件", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("workorder-import-preview.png"), FullPage = true });

        await page.ClickAsync("[data-testid=import-start]");
        await Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("新建 2 件", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=import-result]")).ToContainTextAsync("未导入 1 行");
        await Expect(page.Locator("[data-testid=import-record]").First).ToContainTextAsync("12398-工单.xlsx");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("workorder-import-done.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=import-rejected]"));
        var saved = Path.Combine(_folder, "rejected.xlsx");
        await download.SaveAsAsync(saved);
        Assert.Equal("12398-工单-未导入1行.xlsx", download.SuggestedFilename);
        var rows = XlsxRows.Read(saved).ToList();
        Assert.Equal("错误原因", rows[0].Cells[^1]);
        Assert.Equal(("3", "GD-E2E-0002"), (rows[1].Cells[0], rows[1].Cells[2]));
        Assert.StartsWith("来电时间：无法识别的时间", rows[1].Cells[^1]);
    }
}
