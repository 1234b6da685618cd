using Microsoft.Playwright;
using PowerService.Tests.Domain.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>An admin keeps the 服务忌语 dictionary in Chromium: a new phrase, and a variant of one already there refused at its field.</summary>
public sealed class WordingAdminTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ComplaintBuilder.Start);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_phrase_and_a_variant_of_an_existing_one_is_refused_at_its_field()
    {
        var page = await _app.SignInAsync("admin");
        await page.GotoAsync($"{_app.BaseUrl}/admin/wording");
        await Expect(page.Locator("[data-testid=phrase-row]").First).ToContainTextAsync("规定就是这样");
        await Expect(page.Locator("[data-testid=phrase-new]")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("wording-admin.png"), FullPage = true });

        await page.ClickAsync("[data-testid=phrase-new]");
        await page.EnterAsync("phrase-phrase", "規定，就是 這樣");
        await page.EnterAsync("phrase-better", "规范说法");
        await page.ClickAsync("[data-testid=phrase-save]");
        await Expect(page.Locator("[data-testid=phrase-form] .mud-input-error").First).ToContainTextAsync("词库中已有“规定就是这样”");

        await page.EnterAsync("phrase-phrase", "归物业管");
        await page.EnterAsync("phrase-better", "这部分设施由物业负责，我帮您联系物业并跟进结果。");
        await page.EnterAsync("phrase-situation", "产权分界");
        await page.ClickAsync("[data-testid=phrase-save]");
        await Expect(page.Locator("[data-testid=phrase-row]").Filter(new() { HasTextString = "归物业管" })).ToContainTextAsync("拦截");
    }
}
