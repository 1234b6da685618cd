using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>An admin writes a dispatch rule on 派单与舆情: a bad one is refused at its field, a good one listed.</summary>
public sealed class IntakeRulesPageTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_dispatch_rule_after_being_told_what_is_missing()
    {
        var page = await _app.SignInAsync("admin");
        try
        {
            await page.GotoAsync($"{_app.BaseUrl}/admin/intake-rules");
            await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
            await page.ClickAsync("[data-testid=rule-save]");
            await Expect(page.Locator("[data-testid=rule-form]")).ToContainTextAsync("请填写规则名称（不超过 30 字）");
            await Expect(page.Locator("[data-testid=rule-form]")).ToContainTextAsync("请选择派往的部门");

            await page.EnterAsync("rule-name", "郊区停电");
            await page.ChooseAsync("rule-category", "停电/供电质量");
            await page.EnterAsync("rule-area", "余杭区");
            await page.ChooseAsync("rule-department", "郊区供电所");
            await page.ClickAsync("[data-testid=rule-save]");

            await Expect(page.Locator("[data-testid=rule-row]")).ToContainTextAsync("郊区停电");
            await Expect(page.Locator("[data-testid=rule-row]")).ToContainTextAsync("余杭区");
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("intake-rules.png"), FullPage = true });
            await page.GetByRole(AriaRole.Tab, new() { Name = "舆情词" }).ClickAsync();
            await Expect(page.Locator("[data-testid=terms]")).ToContainTextAsync("记者");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("intake-rules-failure.png"), FullPage = true });
            throw;
        }
    }
}
