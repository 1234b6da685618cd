using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Sampling;
using PowerService.Domain.Time;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>A manager draws last week's team sample of 运维检修部, re-contacts a customer, records the result, and finds it counted in the report.</summary>
public sealed class SamplingTests : IAsyncLifetime
{
    private AppHost _app = null!;
    private List<string> _closed = [];

    public async ValueTask InitializeAsync()
    {
        _app = await AppHost.StartAsync(ComplaintBuilder.Start);
        using var scope = _app.Services.CreateScope();
        _closed = await Scenarios.ClosedTogetherAsync(scope.ServiceProvider.GetRequiredService<ComplaintService>(), _app.Time,
            await _app.StaffAsync("agent"), await _app.StaffAsync("handler3"), 3);
        var week = SamplingPeriod.Containing(SamplingLevel.TeamWeekly, _app.Time.GetUtcNow().ChinaDate());
        _app.Time.SetUtcNow(week.To.AddHours(2)); // the Monday after: last week's sample is due
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_manager_draws_a_sample_records_a_result_and_sees_it_counted_in_the_report()
    {
        var page = await _app.SignInAsync("manager");
        await Expect(page.Locator("[data-testid=queue-scope] button").First).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await page.ClickAsync("[data-testid=nav-sampling]");
        await Expect(page.Locator("[data-testid=draw-submit]")).ToBeEnabledAsync(new() { Timeout = 15_000 }); // interactive

        await page.ChooseAsync("draw-department", "运维检修部");
        await page.ClickAsync("[data-testid=draw-submit]");
        await Expect(page.Locator("[data-testid=draw-message]")).ToHaveTextAsync("已抽取 1 件（办结 3 件）。");
        var row = page.Locator("[data-testid=queue-TeamWeekly] tbody tr").First;
        var number = (await row.Locator("[data-testid=sample-complaint-link]").InnerTextAsync()).Trim();
        Assert.Contains(number, _closed);
        await Expect(row.Locator("[data-testid=contact-phone]")).ToHaveTextAsync("138****8000");

        await row.Locator("[data-testid=record-result]").ClickAsync();
        await page.ClickAsync("[data-testid=result-submit]");
        await Expect(page.Locator("[data-testid=error-Reached]")).ToHaveTextAsync("请选择是否联系到客户");
        await page.ClickAsync("[data-testid=reached-yes]");
        await page.ClickAsync("[data-testid=satisfaction-Satisfied]");
        await page.ClickAsync("[data-testid=resolved-yes]");
        await page.Locator("[data-testid=field-Notes]").FillAsync("客户确认抢修后供电正常，对处理满意");
        await page.Locator("[data-testid=field-Notes]").BlurAsync();
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("sampling-form.png"), FullPage = true });
        await page.ClickAsync("[data-testid=result-submit]");

        await Expect(page.Locator("[data-testid=result-saved]")).ToContainTextAsync(number);
        await Expect(page.Locator($"[data-testid=sample-{number}] [data-testid=sample-result]")).ToHaveTextAsync("满意 · 确已解决（赵敏）");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("sampling-queue.png"), FullPage = true });

        // Counted in the report of the month the sampled week ended in.
        var month = SamplingPeriod.LastEnded(SamplingLevel.TeamWeekly, _app.Time.GetUtcNow()).Last;
        await page.GotoAsync($"{_app.BaseUrl}/reports?period={month:yyyy-MM}");
        await Expect(page.Locator("[data-testid=export-xlsx]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await page.ClickAsync("[data-testid=report-tabs] .mud-tab:has-text('抽样回访')");
        var team = page.Locator("[data-testid=sampling-TeamWeekly]");
        await Expect(team.Locator("[data-testid=sampled]")).ToHaveTextAsync("1");
        await Expect(team.Locator("[data-testid=recorded]")).ToHaveTextAsync("1");
        await Expect(team.Locator("[data-testid=resolved-rate]")).ToHaveTextAsync("100.0%");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reports-sampling.png"), FullPage = true });
    }
}
