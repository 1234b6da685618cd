using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Domain.Complaints;
using PowerService.Domain.Time;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>An admin looks at what retention would do, runs it after confirming, and finds the run in the history.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ComplaintBuilder.Start);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>
    /// A complaint registered (and withdrawn) more than 3 years before the app's now, stored as the app
    /// stores it. Made in the past rather than by moving the app's clock by years: the app's periodic
    /// timers would each fire for every period skipped.
    /// </summary>
    private async Task<string> OldComplaintAsync(int sequence, bool withdraw = true)
    {
        var at = _app.Time.GetUtcNow().AddYears(-3).AddDays(-2);
        var number = ComplaintNumber.For(at.ChinaDate(), sequence);
        var complaint = Complaint.Register(ComplaintBuilder.ValidIntake() with { ReceivedAt = at.AddMinutes(-10) }, number, Guid.NewGuid(), "客户服务中心",
            ComplaintBuilder.At(at, ComplaintBuilder.Agent)).Value!;
        if (withdraw)
            ComplaintBuilder.Ok(complaint, complaint.Withdraw(new Withdrawal("张先生表示问题已自行解决", "电话录音"),
                ComplaintBuilder.At(at.AddHours(1), ComplaintBuilder.Agent) with { Note = "客户张建国（13812348000）来电撤诉" }));
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PowerService.Web.Data.AppDbContext>();
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return number;
    }

    [Fact]
    public async Task The_dry_run_lists_the_due_complaints_and_a_confirmed_run_anonymises_them_and_shows_in_the_history()
    {
        var first = await OldComplaintAsync(1);
        var second = await OldComplaintAsync(2);
        await OldComplaintAsync(3, withdraw: false); // open: never due
        var page = await _app.SignInAsync("admin");

        await page.GotoAsync($"{_app.BaseUrl}/admin/retention");
        await Expect(page.Locator("[data-testid=retention-policy]")).ToContainTextAsync("保留期限 3 年");
        await Expect(page.Locator("[data-testid=retention-no-history]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=retention-dry-run]");
        await Expect(page.Locator("[data-testid=retention-candidate]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=retention-candidate]").First).ToContainTextAsync(first);
        await Expect(page.Locator("[data-testid=retention-candidate]").Nth(1)).ToContainTextAsync(second);
        await Expect(page.Locator("[data-testid=retention-candidate]").First).ToContainTextAsync("客户姓名、联系电话、户号、用电地址、结束原因、处理记录 1 条");
        await Expect(page.Locator("[data-testid=retention-due]")).ToContainTextAsync("试运行未做任何修改");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("retention-dry-run.png"), FullPage = true });

        await page.ClickAsync("[data-testid=retention-run]");
        await page.ClickAsync(".mud-dialog button:has-text('取消')");
        await Expect(page.Locator("[data-testid=retention-no-history]")).ToBeVisibleAsync(); // cancelled: nothing ran
        await page.ClickAsync("[data-testid=retention-run]");
        await page.ClickAsync(".mud-dialog button:has-text('执行')");
        await Expect(page.Locator("[data-testid=retention-message]")).ToContainTextAsync("已完成：匿名化 2 件，销毁文书原件 0 份，跳过 0 件，失败 0 件");
        await Expect(page.Locator("[data-testid=retention-run-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=retention-run-row]")).ToContainTextAsync("系统管理员");
        await page.ClickAsync("[data-testid=retention-dry-run]");
        await Expect(page.Locator("[data-testid=retention-none-due]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("retention-history.png"), FullPage = true });

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{first}");
        await Expect(page.Locator("body")).ToContainTextAsync("按保留期限匿名化");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("张建国");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("retention-complaint.png"), FullPage = true });
    }
}
