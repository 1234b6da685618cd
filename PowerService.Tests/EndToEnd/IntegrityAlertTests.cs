using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>In Chromium: a timeline edited in the database is flagged on the page, and admins are alerted on every page until one closes the alert.</summary>
public sealed class IntegrityAlertTests : IAsyncLifetime
{
    private AppHost _app = null!;
    private string _number = "";

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(ComplaintBuilder.Start);
        using var scope = _app.Services.CreateScope();
        var complaints = scope.ServiceProvider.GetRequiredService<ComplaintService>();
        var agent = await _app.StaffAsync("agent");
        _number = (await complaints.RegisterAsync(ComplaintBuilder.ValidIntake(), Guid.NewGuid(), agent)).Value!;
        Assert.True((await complaints.ActAsync(_number, (await complaints.FindAsync(_number))!.Revision, agent, null,
            (c, ctx) => c.AddNote(new ProgressNote("已电话联系客户"), ctx))).Succeeded);
        // Someone with the database file goes around the app (and its triggers) and rewrites the note.
        var db = scope.ServiceProvider.GetRequiredService<PowerService.Web.Data.AppDbContext>();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER TimelineEvents_no_update");
        await db.Database.ExecuteSqlRawAsync("UPDATE \"TimelineEvents\" SET \"Summary\" = '客户表示满意' WHERE \"Sequence\" = 2");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_edited_record_is_flagged_on_its_page_and_alerts_the_admins_until_one_closes_the_alert()
    {
        var admin = await _app.SignInAsync("admin");
        try
        {
            await FlaggedAndAlertedAsync(admin);
        }
        catch
        {
            await admin.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("integrity-alert-failure.png"), FullPage = true });
            throw;
        }
    }

    private async Task FlaggedAndAlertedAsync(Microsoft.Playwright.IPage admin)
    {
        await Expect(admin.Locator("[data-testid=integrity-alert-badge]")).ToHaveCountAsync(0);

        await admin.GotoAsync($"{_app.BaseUrl}/complaints/{_number}");
        await Expect(admin.Locator("[data-testid=timeline-tampered]")).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-testid=integrity-alert-badge]")).ToHaveTextAsync("完整性告警 1"); // live, on the page already open

        await Expect(admin.Locator("[data-testid=integrity-alert-badge]")).ToHaveAttributeAsync("href", "/admin/integrity");
        await admin.GotoAsync($"{_app.BaseUrl}/admin/integrity");
        await Expect(admin.Locator("[data-testid=integrity-alerts]")).ToContainTextAsync(_number);
        await Expect(admin.Locator("[data-testid=integrity-alerts]")).ToContainTextAsync("处理记录第 2 条起与签章不符");
        await admin.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("integrity-alert.png"), FullPage = true });
        await Expect(admin.Locator("[data-testid=integrity-alert-close]")).ToBeEnabledAsync();
        await admin.ClickAsync("[data-testid=integrity-alert-close]");
        await Expect(admin.Locator("[data-testid=integrity-alerts]")).ToHaveCountAsync(0);

        await admin.ReloadAsync();
        await Expect(admin.Locator("[data-testid=integrity-alert-badge]")).ToHaveCountAsync(0);

        // The admin pages sit in one menu of the app bar.
        await admin.OpenMenuItemAsync("nav-admin", "保留期限", $"{_app.BaseUrl}/admin/retention");
    }
}
