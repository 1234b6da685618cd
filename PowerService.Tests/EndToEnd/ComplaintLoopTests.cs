using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A handler carries one complaint through all five stages in Chromium, including a re-opened revisit.</summary>
public sealed class ComplaintLoopTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero); // 09:30 Beijing
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(Monday);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_complaint_goes_from_intake_to_closed_with_every_step_on_the_timeline()
    {
        var page = await _app.SignInAsync("handler");
        try
        {
            await CarryThroughTheLoopAsync(page);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("complaint-loop-failure.png"), FullPage = true });
            throw;
        }
    }

    private async Task CarryThroughTheLoopAsync(IPage page)
    {

        // 受理登记: garbage first, then the real complaint.
        await page.GotoAsync($"{_app.BaseUrl}/complaints/new");
        await Expect(page.Locator("[data-testid=intake-submit]")).ToBeEnabledAsync();
        await page.EnterAsync("Phone", "138-abc");
        await page.ClickAsync("[data-testid=intake-submit]");
        await Expect(page.GetByText("联系电话格式不正确：手机为 11 位数字，座机如 0571-87654321")).ToBeVisibleAsync();
        await Expect(page.GetByText("请填写客户姓名")).ToBeVisibleAsync();

        await page.ChooseAsync("Channel", "95598热线");
        await page.EnterAsync("UpstreamReference", "GD2026112300123");
        await page.EnterAsync("CustomerName", "张建国");
        await page.EnterAsync("Phone", "13812348000");
        await page.EnterAsync("AccountNumber", "3300123456");
        await page.EnterAsync("Address", "杭州市西湖区文三路 100 号 2 单元 301 室");
        await page.ChooseAsync("Category", "停电/供电质量");
        await page.ChooseAsync("SubCategory", "计划停电未通知");
        await page.ChooseAsync("Profile", "情绪型");
        await page.EnterAsync("Content", "11月20日全天停电，事先没有收到任何停电通知，家中冰箱食物变质。");
        await page.EnterAsync("Demands", "说明停电原因，赔偿损失");
        await page.EnterAsync("ExpectedOutcome", "书面道歉并减免电费");
        await page.ClickAsync("[data-testid=intake-submit]");

        await Expect(page.Locator("[data-testid=complaint-number]")).ToHaveTextAsync("TS202611230001");
        await Expect(page.Locator("[data-testid=complaint-stage]")).ToHaveTextAsync("受理登记");

        // 调查分析
        await page.DoAsync("Dispatch", async () =>
        {
            await page.ChooseAsync("field-Handler", "李强");
        }, "调查分析");
        await page.DoAsync("Investigate", async () =>
        {
            await page.EnterAsync("field-Facts", "经核实，11月20日 10kV 文三线计划检修停电，通知短信因号码变更未送达。");
            await page.EnterAsync("field-Evidence", "停电计划单、短信发送日志");
            await page.EnterAsync("field-Cause", "客户联系电话未及时更新，通知未送达。");
            await page.ChooseAsync("field-Responsibility", "供电企业责任");
            await page.EnterAsync("field-Proposal", "致歉、按停电时长减免电费、更新客户联系方式。");
        }, "解决处理");

        // 解决处理 with the suggested compensation
        await page.ClickAsync("[data-testid=action-Resolve]");
        await Expect(page.Locator("[data-testid=action-panel]")).ToContainTextAsync("电费减免");
        await Expect(page.Locator("[data-testid=field-CompensationDetail]")).ToHaveValueAsync("承认未按规定提前通知，按停电时长比例减免当月电费");
        await page.DoAsync("Resolve", () => FillResolutionAsync(page, "上门致歉，按停电 8 小时比例减免当月电费。"), "反馈回访");

        // 反馈回访: the customer is not satisfied — back to resolution.
        _app.Time.Advance(TimeSpan.FromHours(20));
        await page.DoAsync("Revisit", async () =>
        {
            await Expect(page.Locator("[data-testid=revisit-round]")).ToContainTextAsync("首次回访");
            await page.Locator("[data-testid=action-panel] label").Filter(new() { HasTextString = "不满意" }).ClickAsync();
            await page.EnterAsync("field-CustomerOpinion", "减免金额不认可，要求按实际损失赔偿");
        }, "解决处理");
        await page.DoAsync("Resolve", () => FillResolutionAsync(page, "重新核算，追加减免并上门当面说明核算依据。"), "反馈回访");
        await page.DoAsync("Revisit", async () =>
        {
            await page.Locator("[data-testid=action-panel] label").Filter(new() { HasTextString = "基本满意" }).ClickAsync();
            await page.EnterAsync("field-CustomerOpinion", "接受追加减免");
        }, "反馈回访");

        // Seven days later, the second revisit (signing in again: a week has passed).
        _app.Time.Advance(TimeSpan.FromDays(7));
        page = await _app.SignInAsync("handler", page);
        await page.GotoAsync($"{_app.BaseUrl}/complaints/TS202611230001");
        await page.DoAsync("Revisit", async () =>
        {
            await Expect(page.Locator("[data-testid=revisit-round]")).ToContainTextAsync("二次回访");
            await page.Locator("[data-testid=action-panel] label").Filter(new() { HasTextString = "满意" }).First.ClickAsync();
            await page.EnterAsync("field-CustomerOpinion", "问题未再出现");
        }, "总结改进");

        // 总结改进
        await page.DoAsync("Improve", async () =>
        {
            await page.EnterAsync("field-RootCause", "客户联系方式变更未同步到停电通知系统。");
            await page.EnterAsync("field-Action-0", "营销系统与停电通知系统联系方式每日同步");
            await page.EnterAsync("field-Owner-0", "营销部 陈明");
            await page.EnterAsync("field-DueDate-0", "2026-12-31");
        }, "已办结");

        await Expect(page.Locator("[data-testid=no-actions]")).ToContainTextAsync("不能再办理");
        var triggers = await page.Locator("[data-testid=timeline-event]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.trigger)");
        Assert.Equal(["Register", "Dispatch", "Investigate", "Resolve", "Revisit", "Resolve", "Revisit", "Revisit", "Improve"], triggers);
        var timeline = await page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("首次回访（24小时内）：电话回访，客户不满意，重新进入解决处理", timeline);
        Assert.Contains("二次回访（7天后）：电话回访，客户满意", timeline);
        Assert.Contains("反馈回访 → 总结改进", timeline);
        Assert.Contains("李强 · 2026-12-01", timeline);
        await Expect(page.Locator("[data-testid=stage-stepper] .stage.done")).ToHaveCountAsync(5);

        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("complaint-closed.png"), FullPage = true });
    }

    private static async Task FillResolutionAsync(IPage page, string solution)
    {
        await page.EnterAsync("field-Solution", solution);
        await page.EnterAsync("field-CommittedDate", "2026-11-25");
        await page.EnterAsync("field-CustomerCommunication", "电话告知客户处理方案，客户同意。");
        await page.EnterAsync("field-CompensationDetail", "减免当月电费 35.60 元");
    }
}
