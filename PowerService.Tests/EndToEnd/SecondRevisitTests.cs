using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>The second revisit waits 7 days: the panel says until when, then offers it; the queue finds the due ones.</summary>
public sealed class SecondRevisitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero); // 09:30 Beijing
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(Monday);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_panel_says_when_the_second_revisit_opens_and_the_queue_finds_it_once_due()
    {
        // Stored as they would have been recorded over the past week, so the app's clock only moves minutes
        // (moving it days runs the deadline watcher once per scan interval).
        var due = await StoreResolvedAsync(registered: Monday.AddDays(-9), resolved: Monday.AddDays(-8), firstRevisit: true);
        var waiting = await StoreResolvedAsync(registered: Monday.AddDays(-8), resolved: Monday.AddDays(-7).AddMinutes(10), firstRevisit: true);
        await StoreResolvedAsync(registered: Monday.AddDays(-1), resolved: Monday.AddHours(-2), firstRevisit: false);

        var page = await _app.SignInAsync("agent");
        try
        {
            await page.GotoAsync($"{_app.BaseUrl}/complaints/{waiting}");
            await Expect(page.Locator("[data-testid=revisit-waits]")).ToHaveTextAsync("二次回访须在 2026-11-23 09:40 之后进行（解决后满 7 天）");
            await Expect(page.Locator("[data-testid=action-AddNote]")).ToBeEnabledAsync();
            await Expect(page.Locator("[data-testid=action-Revisit]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("action-second-revisit-waits.png"), FullPage = true });

            await page.GotoAsync($"{_app.BaseUrl}/");
            await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToHaveCountAsync(3);
            await page.ClickAsync("[data-testid=queue-due] >> text=待二次回访");
            await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-testid=queue-table] tbody tr").First).ToContainTextAsync(due);
            await page.Mouse.MoveAsync(0, 400); // no hover on the toggle, and its colour transition done, for the picture
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("queue-second-revisit-due.png"), FullPage = true });

            // The open page offers it when the moment comes, on the app's clock.
            await page.GotoAsync($"{_app.BaseUrl}/complaints/{waiting}");
            await Expect(page.Locator("[data-testid=revisit-waits]")).ToBeVisibleAsync();
            _app.Time.Advance(TimeSpan.FromMinutes(10));
            await Expect(page.Locator("[data-testid=action-Revisit]")).ToBeEnabledAsync();
            await Expect(page.Locator("[data-testid=revisit-waits]")).ToHaveCountAsync(0);
            await page.GotoAsync($"{_app.BaseUrl}/");
            await page.ClickAsync("[data-testid=queue-due] >> text=待二次回访");
            await Expect(page.Locator("[data-testid=queue-table] tbody tr")).ToHaveCountAsync(2);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("second-revisit-failure.png"), FullPage = true });
            throw;
        }
    }

    private int _sequence;

    /// <summary>A complaint registered by the agent and resolved by the handler at the given instants, straight into the app's database.</summary>
    private async Task<string> StoreResolvedAsync(DateTimeOffset registered, DateTimeOffset resolved, bool firstRevisit)
    {
        var agent = (await _app.StaffAsync("agent")).Actor;
        var handler = (await _app.StaffAsync("handler")).Actor;
        StepContext By(Actor actor, DateTimeOffset at) => new(actor, [StaffRole.IntakeAgent, StaffRole.Handler], at, null, ComplaintBuilder.Schedule);
        var number = ComplaintNumber.For(registered.ChinaDate(), ++_sequence);
        var intake = ComplaintBuilder.ValidIntake() with { ReceivedAt = registered.AddMinutes(-10), Phone = $"1390000000{_sequence}", AccountNumber = null };
        var c = Complaint.Register(intake, number, Guid.NewGuid(), "客户服务中心", By(agent, registered)).Value!;
        ComplaintBuilder.Ok(c, c.Dispatch(new DispatchOrder(handler, "城区供电所"), By(agent, registered.AddMinutes(5))));
        ComplaintBuilder.Ok(c, c.Investigate(ComplaintBuilder.Findings, By(handler, resolved.AddHours(-1))));
        ComplaintBuilder.Ok(c, c.Resolve(ComplaintBuilder.Resolution(resolved.AddDays(2)), By(handler, resolved)));
        if (firstRevisit) ComplaintBuilder.Ok(c, c.Revisit(ComplaintBuilder.Satisfied, By(agent, resolved.AddHours(20))));
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Complaints.Add(c);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return number;
    }
}
