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

    [Theory]
    [InlineData("[]", "文件格式不正确")]
    [InlineData("{\"year\":2027,\"days\":[1]}", "第 1 项不是")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":20270101,\"isOffDay\":true}]}", "第 1 项的日期（date）应为")]
    [InlineData("{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"name\":7,\"isOffDay\":true}]}", "的名称（name）应为文字")]
    public async Task A_file_of_the_wrong_shape_is_refused_under_the_upload_and_nothing_is_stored(string json, string message)
    {
        await SignInAsAsync("admin");
        var cut = RenderPage();
        cut.WaitForState(() => cut.FindAll("[data-date='2026-11-24']").Count == 1);

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "2027.json"));
        cut.WaitForState(() => !cut.FindAll("button").Single(b => b.TextContent.Trim() == "导入").HasAttribute("disabled"));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "导入").Click();

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find("[data-testid=import-error]").TextContent));
        var years = await Db.Services.GetRequiredService<SlaAdminService>().YearsAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.DoesNotContain(years, y => y.Year == 2027);
    }
}
