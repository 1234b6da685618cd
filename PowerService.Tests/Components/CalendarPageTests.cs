using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Web.Features.Admin;
using PowerService.Web.Features.Sla;

namespace PowerService.Tests.Components;

/// <summary>The admin calendar: the year as month grids, the missing-year warning, and single-day edits.</summary>
public sealed class CalendarPageTests : ComponentTestBase
{
    private IRenderedComponent<CalendarPage> RenderPage() => RenderWithProviders<CalendarPage>();

    [Fact]
    public async Task It_opens_on_the_current_year_with_holidays_and_make_up_days_marked()
    {
        await SignInAsAsync("admin");
        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("holiday", cut.Find("[data-date='2026-02-16']").ClassName));
        Assert.Contains("makeup", cut.Find("[data-date='2026-02-14']").ClassName);
        Assert.Contains("weekend", cut.Find("[data-date='2026-11-22']").ClassName);
        Assert.Contains("work", cut.Find("[data-date='2026-11-23']").ClassName);
        Assert.Contains("2027 年节假日历尚未导入", cut.Find("[data-testid=calendar-warning]").TextContent);
    }

    [Fact]
    public async Task Marking_a_day_as_holiday_is_stored_and_shown()
    {
        await SignInAsAsync("admin");
        var cut = RenderPage();
        cut.WaitForState(() => cut.FindAll("[data-date='2026-11-24']").Count == 1);

        cut.Find("[data-date='2026-11-24']").Click();
        var holiday = cut.Find("[data-testid=kind-Holiday]");
        (holiday.TagName == "INPUT" ? holiday : holiday.QuerySelector("input")!).Click();
        cut.Find("[data-testid=day-name]").Change("抗灾停工");
        cut.Find("[data-testid=day-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("holiday", cut.Find("[data-date='2026-11-24']").ClassName));
        var stored = (await Db.Services.GetRequiredService<SlaAdminService>().YearsAsync(Xunit.TestContext.Current.CancellationToken)).Single(y => y.Year == 2026);
        Assert.Contains(stored.Days, d => d.Date == new DateOnly(2026, 11, 24) && d.IsOffDay && d.Name == "抗灾停工");
    }
}
