using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>An agent typing a known phone number sees the customer's open complaint from another channel and merges the new one into it.</summary>
public sealed class DuplicateMergeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero); // 09:30 Beijing
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(Monday);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_agent_sees_the_12345_complaint_of_the_phone_typed_and_merges_the_call_into_it()
    {
        // Yesterday's 12345 work order from the same customer, registered by a colleague.
        string main;
        using (var scope = _app.Services.CreateScope())
        {
            var intake = Domain.Complaints.ComplaintBuilder.ValidIntake() with
            {
                Channel = Channel.Government12345, UpstreamReference = "ZW2026112300077", ReceivedAt = Monday.AddMinutes(-40),
            };
            var registered = await scope.ServiceProvider.GetRequiredService<ComplaintService>()
                .RegisterAsync(intake, Guid.NewGuid(), await _app.StaffAsync("agent2"), TestContext.Current.CancellationToken);
            main = registered.Value!;
        }

        var page = await _app.SignInAsync("agent");
        try
        {
            await page.GotoAsync($"{_app.BaseUrl}/complaints/new");
            await Expect(page.Locator("[data-testid=intake-submit]")).ToBeEnabledAsync();
            await page.ChooseAsync("Channel", "95598热线");
            await page.EnterAsync("UpstreamReference", "GD2026112300999");
            await page.EnterAsync("CustomerName", "张建国");
            await Expect(page.Locator("[data-testid=duplicates]")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=Phone]").FillAsync("13812348000"); // typed, not yet left: the list appears while typing

            var row = page.Locator("[data-testid=duplicate-row]");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync(main);
            await Expect(row).ToContainTextAsync("12345政务热线（ZW2026112300077）");
            await Expect(row).ToContainTextAsync("联系电话");
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("intake-duplicates.png"), FullPage = true });

            await page.EnterAsync("Address", "杭州市西湖区文三路 100 号 2 单元 301 室");
            await page.ChooseAsync("Category", "停电/供电质量");
            await page.ChooseAsync("SubCategory", "计划停电未通知");
            await page.ChooseAsync("Profile", "情绪型");
            await page.EnterAsync("Content", "11月20日全天停电，事先没有收到任何停电通知，已向12345反映，仍无人联系。");
            await page.EnterAsync("Demands", "说明停电原因，赔偿损失");
            await page.EnterAsync("ExpectedOutcome", "书面道歉并减免电费");
            await page.ClickAsync($"[data-testid=merge-into-{main}]");

            await Expect(page.Locator("[data-testid=complaint-number]")).ToHaveTextAsync(main);
            await Expect(page.Locator("[data-testid=merged-banner]")).ToContainTextAsync("已登记 TS202611230002 并并入本投诉");
            await Expect(page.Locator("[data-testid=merged-from]")).ToContainTextAsync("TS202611230002");
            await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("TS202611230002（95598热线，上级工单 GD2026112300999）并入本投诉");
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("merged-complaint.png"), FullPage = true });

            await page.GotoAsync($"{_app.BaseUrl}/complaints/TS202611230002");
            await Expect(page.Locator("[data-testid=complaint-stage]")).ToHaveTextAsync("已合并");
            await Expect(page.Locator("[data-testid=record-end]")).ToContainTextAsync($"并入 {main}");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("duplicate-merge-failure.png"), FullPage = true });
            throw;
        }
    }
}
