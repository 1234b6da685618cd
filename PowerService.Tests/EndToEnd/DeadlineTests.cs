using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using PowerService.Tests.Domain.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A deadline passes (the clock is moved, not waited for) and the open page shows it live.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ComplaintBuilder.Start);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_breached_complaint_shows_its_badge_its_notification_and_its_escalation()
    {
        var number = await RegisterAsAgentAsync();
        var page = await _app.SignInAsync("agent");
        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}");
        await Expect(page.Locator("[data-testid=clock-badge][data-clock=CustomerContact]")).ToHaveAttributeAsync("data-state", "OnTrack");
        await Expect(page.Locator("[data-testid=notification-badge] .mud-badge")).ToHaveCountAsync(0);

        _app.Time.Advance(TimeSpan.FromHours(3)); // the watcher's timer runs on the app's clock

        await Expect(page.Locator("[data-testid=notification-badge] .mud-badge")).ToHaveTextAsync("3", new() { Timeout = 15_000 });
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=clock-badge][data-clock=CustomerContact]")).ToHaveAttributeAsync("data-state", "Breached");
        await Expect(page.Locator("[data-testid=clock-badge][data-clock=CustomerContact]")).ToContainTextAsync("已超时 1小时");
        await Expect(page.Locator("[data-testid=escalation-level]")).ToHaveTextAsync("部门级");
        await Expect(page.Locator("[data-testid=timeline-event][data-trigger=Escalate]")).ToContainTextAsync("升级至部门级：“联系客户”时限已超时（截止 2026-11-23 11:20）");

        Assert.Equal(0, await page.EvaluateAsync<int>(WrappedClockLabels)); // "处理答复", "24 小时" each on one line

        await page.GetByLabel("通知").ClickAsync();
        await Expect(page.Locator("[data-testid=notification-list]")).ToContainTextAsync($"{number} · 联系客户已超时，已升级至部门级");
        await Expect(page.Locator("[data-testid=notification-list]")).ToContainTextAsync($"{number} · 联系客户即将超时");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("complaint-breached.png"), FullPage = true });

        var fresh = await RegisterAsAgentAsync("13900000001"); // registered now: nothing overdue yet
        await page.GotoAsync($"{_app.BaseUrl}/");
        await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToHaveCountAsync(2);
        await page.ClickAsync("[data-testid=queue-due] >> text=已超时");
        await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=queue-table] tbody tr").First).ToContainTextAsync(number);
        await Expect(page.Locator("[data-testid=queue-table] tbody tr").First).ToContainTextAsync("部门级督办");
        Assert.NotEqual(number, fresh);
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("queue-overdue.png"), FullPage = true });
    }

    /// <summary>How many clock names and limits in the 时限 panel are broken over two lines (a range over text has one rectangle per line).</summary>
    private const string WrappedClockLabels = """
        () => [...document.querySelectorAll('[data-testid=clocks-panel] th, [data-testid=clocks-panel] .nowrap')]
            .filter(e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length > 1; }).length
        """;

    private async Task<string> RegisterAsAgentAsync(string phone = "13812348000")
    {
        using var scope = _app.Services.CreateScope();
        var agent = await _app.StaffAsync("agent");
        var result = await scope.ServiceProvider.GetRequiredService<ComplaintService>()
            .RegisterAsync(ComplaintBuilder.ValidIntake() with
            {
                Channel = Channel.ServiceHall, UpstreamReference = null, Phone = phone, AccountNumber = null,
                ReceivedAt = _app.Time.GetUtcNow().AddMinutes(-10),
            }, Guid.NewGuid(), agent);
        return result.Value!;
    }
}
