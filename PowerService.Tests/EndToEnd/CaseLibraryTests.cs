using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>Two closed complaints on one app: one whose customer values the trainer must never receive, one to carry through the library.</summary>
public sealed class CaseLibraryFixture : IAsyncLifetime
{
    public const string Name = "欧阳秀英", Phone = "15967834521", Account = "3302765432109",
        Address = "宁波市鄞州区天童南路588号3幢1单元1802室", IdNumber = "330203197605123318";

    /// <summary>What must never reach a trainer: the customer's values, and the names of the staff who handled it.</summary>
    public static readonly string[] Values = [Name, Phone, Account, Address, "天童南路588号", IdNumber, "王芳", "李强"];

    public AppHost App { get; private set; } = null!;
    public string Sensitive { get; private set; } = "";
    public string Ordinary { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App = await AppHost.StartAsync(ComplaintBuilder.Start);
        using var scope = App.Services.CreateScope();
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
        var (agent, handler) = (await App.StaffAsync("agent"), await App.StaffAsync("handler"));
        Ordinary = await Scenarios.ClosedAsync(complaints, App.Time, agent, handler, ComplaintBuilder.ValidIntake() with
        {
            Category = Category.Billing, SubCategory = "电费突增", Content = "客户反映本月电费比上月高出三倍，怀疑电表计量不准，要求校验电表。",
        });
        Sensitive = await Scenarios.ClosedAsync(complaints, App.Time, agent, handler, ComplaintBuilder.ValidIntake() with
        {
            CustomerName = Name, Phone = Phone, AccountNumber = Account, Address = Address,
            Content = $"{Name}（身份证 {IdNumber}）反映{Address}频繁停电，王芳受理时说会尽快处理，请回电 {Phone}，户号 {Account}。",
            Demands = $"要求李强上门说明，联系电话{Phone}",
        });
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Trainers' case library in Chromium: a trainer writes a case from a closed complaint, a manager approves
/// it, a handler finds it; and nothing of the complaint's customer or staff reaches the trainer's browser.
/// </summary>
public sealed class CaseLibraryTests(CaseLibraryFixture fixture) : IClassFixture<CaseLibraryFixture>
{
    private AppHost App => fixture.App;

    [Fact]
    public async Task No_customer_value_or_staff_name_reaches_the_trainers_html_frames_or_pdf()
    {
        var page = await App.SignInAsync("trainer");
        var downloads = new List<Download>();
        var seen = await BrowserCapture.CaptureAsync(page, async snapshot =>
        {
            await page.GotoAsync($"{App.BaseUrl}/cases");
            await page.WaitForSelectorAsync("[data-testid=case-tabs][data-interactive]");
            await page.GetByRole(AriaRole.Tab, new() { Name = "从办结投诉编写" }).ClickAsync();
            var row = page.Locator("[data-testid=candidate-row]").Filter(new() { HasTextString = fixture.Sensitive });
            await Expect(row).ToContainTextAsync("频繁停电");
            await snapshot();
            await row.Locator("[data-testid=start-case]").ClickAsync();
            await Expect(page.Locator("[data-testid=case-background]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("频繁停电"));
            await snapshot();
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("case-editor-deidentified.png"), FullPage = true });
            var url = page.Url.Split('?')[0] + "/pdf";
            var response = await page.APIRequest.GetAsync(url);
            downloads.Add(new(url, response.Status, response.Headers.GetValueOrDefault("content-type", ""), await response.BodyAsync()));
        });

        Assert.True(seen.Frames.Count > 10, $"only {seen.Frames.Count} WebSocket frames were captured");
        Assert.Equal(200, Assert.Single(downloads).Status);
        BrowserCapture.AssertNoValue(seen with { Downloads = downloads }, CaseLibraryFixture.Values);
    }

    [Fact]
    public async Task A_trainer_writes_a_case_a_manager_approves_it_and_a_handler_finds_it_in_the_library()
    {
        var trainer = await App.SignInAsync("trainer");
        Assert.EndsWith("/cases", trainer.Url);
        await trainer.WaitForSelectorAsync("[data-testid=case-tabs][data-interactive]");
        await trainer.GetByRole(AriaRole.Tab, new() { Name = "从办结投诉编写" }).ClickAsync();
        await trainer.Locator("[data-testid=candidate-row]").Filter(new() { HasTextString = fixture.Ordinary }).Locator("[data-testid=start-case]").ClickAsync();
        await Expect(trainer.Locator("[data-testid=case-background]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("电费比上月高出三倍"));

        // Submitting unfinished: each missing section is named under its field, nothing changes.
        await trainer.ClickAsync("[data-testid=case-submit]");
        await Expect(trainer.Locator(".mud-input-helper-text.mud-input-error").Filter(new() { HasTextString = "请写明成功的经验" })).ToBeVisibleAsync();
        await Expect(trainer.Locator("[data-testid=case-status]")).ToHaveTextAsync("编写中");

        await trainer.EnterAsync("case-title", "电费突增怀疑电表不准的校验与解释");
        await trainer.EnterAsync("case-worked", "主动提出免费校验电表，并现场讲解阶梯电价与季节用电变化。");
        await trainer.EnterAsync("case-failed", "首次答复只说电表没问题，没有给出用电明细，客户情绪升级。");
        await trainer.EnterAsync("case-tags", "电表校验、阶梯电价");
        await trainer.ClickAsync("[data-testid=case-submit]");
        await Expect(trainer.Locator("[data-testid=case-status]")).ToHaveTextAsync("待审核");
        var caseUrl = trainer.Url;
        await trainer.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("case-submitted.png"), FullPage = true });

        var manager = await App.SignInAsync("manager");
        await Expect(manager.Locator("[data-testid=cases-badge]")).ToContainTextAsync("1");
        // A link clicked while the 工作台's circuit is still starting changes the address but not the page (as in ReportTests): wait for it.
        await Expect(manager.Locator("[data-testid=queue-scope] button").First).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await manager.ClickAsync("[data-testid=nav-cases]");
        await manager.WaitForSelectorAsync("[data-testid=case-tabs][data-interactive]");
        await manager.GetByRole(AriaRole.Tab, new() { Name = "待审核" }).ClickAsync();
        await manager.Locator("[data-testid=case-row] a").Filter(new() { HasTextString = "电费突增" }).ClickAsync();
        await manager.ClickAsync("[data-testid=case-approve]");
        await Expect(manager.Locator("[data-testid=case-status]")).ToHaveTextAsync("已发布");
        await Expect(manager.Locator("[data-testid=case-versions]")).ToContainTextAsync("第 1 版");

        var handler = await App.SignInAsync("handler");
        await handler.GotoAsync($"{App.BaseUrl}/cases");
        await handler.WaitForSelectorAsync("[data-testid=case-tabs][data-interactive]");
        await handler.Locator("[data-testid=case-search]").FillAsync("阶梯电价");
        await Expect(handler.Locator("[data-testid=case-row]")).ToHaveCountAsync(1);
        await Expect(handler.Locator("[data-testid=case-row]")).ToContainTextAsync("电费突增怀疑电表不准");
        await handler.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("case-library-search.png"), FullPage = true });
        await handler.Locator("[data-testid=case-row] a").ClickAsync();
        await Expect(handler.Locator("[data-testid=case-reader]")).ToContainTextAsync("首次答复只说电表没问题");
        await Expect(handler.Locator("[data-testid=case-actions]")).ToHaveCountAsync(0);
        Assert.Equal(caseUrl.Split('?')[0], handler.Url.Split('?')[0]);
        await handler.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("case-published.png"), FullPage = true });

        // A new complaint of the same kind shows the case beside it, with its lessons.
        string live;
        using (var scope = App.Services.CreateScope())
            live = await Scenarios.DispatchedAsync(scope.ServiceProvider.GetRequiredService<ComplaintService>(), await App.StaffAsync("agent"), await App.StaffAsync("handler"),
                ComplaintBuilder.ValidIntake() with { Category = Category.Billing, SubCategory = "电费突增", UpstreamReference = "GD2026112300999", Content = "本月电费突然比上月高出两倍多，怀疑电表计量不准，要求校验电表并解释。" });
        await handler.GotoAsync($"{App.BaseUrl}/complaints/{live}");
        await Expect(handler.Locator("[data-testid^=action-]").First).ToBeEnabledAsync(new() { Timeout = 15_000 }); // live: the prerendered panels are replaced by then
        await Expect(handler.Locator("[data-testid=similar-case]").First).ToContainTextAsync("电费突增怀疑电表不准的校验与解释");
        await Expect(handler.Locator("[data-testid=similar-case]").First).ToContainTextAsync("首次答复只说电表没问题");
        await handler.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("case-similar-on-complaint.png"), FullPage = true });

        // The trainer turns the case into a scenario card; the handler answers it and sees the score at once.
        await trainer.GotoAsync($"{App.BaseUrl}/drills/manage");
        await trainer.WaitForSelectorAsync("[data-testid=manage-tabs][data-interactive]");
        await trainer.ChooseAsync("card-from-case", "电费突增怀疑电表不准");
        await trainer.ClickAsync("[data-testid=card-new]");
        await Expect(trainer.Locator("[data-testid=card-situation]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("电费比上月高出三倍"));
        await trainer.EnterAsync("card-words", "我家电费一下翻了三倍，你们电表肯定有问题！");
        await trainer.ClickAsync("[data-testid=card-save]");
        await Expect(trainer.Locator("[data-testid=card-list]")).ToContainTextAsync("电费突增怀疑电表不准的校验与解释");
        await trainer.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("drills-manage.png"), FullPage = true });

        await handler.ClickAsync("[data-testid=nav-drills]");
        await handler.Locator("[data-testid=drill-card]").Filter(new() { HasTextString = "电费突增怀疑电表不准" }).Locator("[data-testid=drill-start]").ClickAsync();
        await Expect(handler.Locator("[data-testid=customer-words]")).ToContainTextAsync("电表肯定有问题");
        await Expect(handler.Locator("[data-testid=drill-submit]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await handler.Locator("[data-testid=drill-reply]").FillAsync("非常抱歉给您添麻烦了。您反映的电费翻倍我们很重视，经核实可能与空调用电有关，我们会安排免费校验电表，明天告知您结果。规定就是这样");
        await Expect(handler.Locator("[data-testid=wording-hint]")).ToContainTextAsync("规定就是这样");
        await handler.ClickAsync("[data-testid=drill-submit]");
        await Expect(handler.Locator("[data-testid=drill-score]")).ToHaveTextAsync($"{100 - PowerService.Domain.Drills.DrillScoring.BlockingPenalty} 分");
        await Expect(handler.Locator("[data-testid=drill-forbidden]")).ToContainTextAsync("规定就是这样");
        await handler.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("drill-scored.png"), FullPage = true });
    }
}
