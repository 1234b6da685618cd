using PowerService.Tests.Domain.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>An admin opens 考核指标 from the admin menu, is refused weights that do not add up, and saves a new version.</summary>
public sealed class KpiPolicyPageBrowserTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ComplaintBuilder.Start);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_admin_opens_the_page_from_the_menu_sees_an_error_at_its_field_and_saves_a_new_version()
    {
        var page = await _app.SignInAsync("admin");

        await page.OpenMenuItemAsync("nav-admin", "考核指标", $"{_app.BaseUrl}/admin/kpi");
        await Expect(page.Locator("[data-testid=kpi-history] tbody tr")).ToContainTextAsync("系统默认（投诉处理与绩效挂钩方案）");
        await Expect(page.Locator("[data-testid=kpi-save]")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("kpi-policy.png"), FullPage = true });

        await page.EnterAsync("kpi-RevisitWeight", "20");
        await page.EnterAsync("kpi-Reason", "回访率权重上调");
        await page.ClickAsync("[data-testid=kpi-save]");
        await Expect(page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("[data-testid=kpi-TimelinessWeight]") }))
            .ToContainTextAsync("四项权重之和须为 100（现为 110）");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("kpi-policy-error.png"), FullPage = true });

        await page.EnterAsync("kpi-TimelinessWeight", "20");
        await page.ClickAsync("[data-testid=kpi-save]");
        await Expect(page.Locator("[data-testid=kpi-saved]")).ToContainTextAsync("已保存第 2 版，自 2026-12-01 起施行。");
        await Expect(page.Locator("[data-testid=kpi-history] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=kpi-history] tbody tr").First).ToContainTextAsync("20/40/20/20");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("kpi-policy-saved.png"), FullPage = true });
    }
}
