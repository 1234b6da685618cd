using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Tests.Support;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>
/// In Chromium: a handler of another department cannot find, open or act on a complaint; the
/// department's manager takes it over with a reason, and its former handler reads why.
/// </summary>
public sealed class ComplaintAccessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero).AddTicks(4_302_574);
    private AppHost _app = null!;
    private string _number = "", _own = "";

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(Monday);
        // 王芳 registers it and dispatches it to 周杰 of 运维检修部.
        using var scope = _app.Services.CreateScope();
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
        var agent = await _app.StaffAsync("agent");
        var zhouJie = await _app.StaffAsync("handler3");
        _number = await Scenarios.DispatchedAsync(complaints, agent, zhouJie, ComplaintBuilder.ValidIntake() with { Phone = "13912345678" });
        // And one for 李强 of 城区供电所, so his queue is not empty to begin with.
        _own = await Scenarios.DispatchedAsync(complaints, agent, await _app.StaffAsync("handler"),
            ComplaintBuilder.ValidIntake() with { Phone = "13700000001", AccountNumber = "3300777777" });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_handler_of_another_department_can_neither_find_nor_open_nor_act_on_the_complaint()
    {
        var page = await _app.SignInAsync("handler"); // 李强, 城区供电所

        await Expect(page.Locator("[data-testid=queue-scope] button").First).ToBeEnabledAsync(); // interactive
        await Expect(page.Locator("[data-testid=queue-table]")).ToContainTextAsync(_own);
        await page.Locator("input[data-testid=queue-search]").FillAsync("13912345678");
        await Task.Delay(200, TestContext.Current.CancellationToken);
        _app.Time.Advance(TimeSpan.FromSeconds(1)); // MudBlazor's search debounce runs on the app's (test) clock
        await Expect(page.GetByText("没有符合条件的投诉。")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=queue-table]")).Not.ToContainTextAsync(_number);

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{_number}");
        await Expect(page.Locator("[data-testid=out-of-scope]")).ToContainTextAsync($"投诉 {_number} 由运维检修部办理，不在您的查看范围内");
        await Expect(page.Locator("[data-testid=action-panel]")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("13912345678");

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{_number}/documents");
        await Expect(page.Locator("body")).ToContainTextAsync("不在您的查看范围内");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("access-out-of-scope.png"), FullPage = true });
    }

    [Fact]
    public async Task The_departments_manager_takes_the_complaint_over_and_the_former_handler_reads_why()
    {
        var manager = await _app.SignInAsync("manager2"); // 吴刚, manager of 运维检修部
        await manager.GotoAsync($"{_app.BaseUrl}/complaints/{_number}");
        await Expect(manager.Locator("[data-testid=action-TakeOver]")).ToBeEnabledAsync();
        await manager.ClickAsync("[data-testid=action-TakeOver]");
        await Expect(manager.Locator("[data-testid=takeover-owner]")).ToContainTextAsync("现处理人：周杰（运维检修部）");
        await manager.ClickAsync("[data-testid=action-submit]");
        await Expect(manager.Locator("[data-testid=action-panel]")).ToContainTextAsync("请选择接手原因");
        await manager.ChooseAsync("field-Reason", "原处理人休假/外出");
        await manager.EnterAsync("field-Explanation", "周杰休年假至12月1日");
        await manager.WaitForTimeoutAsync(500); // the filled field's label finishes moving up before the screenshot
        await manager.Locator("[data-testid=action-panel]").ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("access-takeover-form.png") });
        await manager.ClickAsync("[data-testid=action-submit]");
        await Expect(manager.Locator("[data-testid=action-submit]")).ToHaveCountAsync(0);
        await Expect(manager.Locator("[data-testid=timeline]")).ToContainTextAsync("吴刚 接手办理（原处理人：周杰）；原因：原处理人休假/外出，周杰休年假至12月1日");
        await manager.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("access-taken-over.png"), FullPage = true });

        var former = await _app.SignInAsync("handler3");
        await former.GotoAsync($"{_app.BaseUrl}/complaints/{_number}");
        await Expect(former.Locator("[data-testid=timeline]")).ToContainTextAsync("吴刚 接手办理（原处理人：周杰）");
        await Expect(former.Locator("[data-testid=action-TakeOver]")).ToBeVisibleAsync();
        await Expect(former.Locator("[data-testid=action-Investigate]")).ToHaveCountAsync(0);
        await Expect(former.GetByText("首问责任人：王芳 · 处理人：吴刚（运维检修部）")).ToBeVisibleAsync();
    }
}
