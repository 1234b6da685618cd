using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>Admins change calendars, hours and policy; new clocks follow, running clocks keep what they started with.</summary>
public abstract class SlaAdminTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private SlaAdminService Admin => _db.Services.GetRequiredService<SlaAdminService>();

    private async Task<SlaClock> HandlingClockOfNewComplaintAsync(string phone)
    {
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null, Phone = phone, AccountNumber = null });
        return (await _db.LoadAsync(number)).Clocks.Single(c => c.Kind == ClockKind.Handling);
    }

    [Fact]
    public async Task The_shipped_years_are_stored_and_next_year_is_flagged_45_days_before_it_starts()
    {
        Assert.Equal([2025, 2026], (await Admin.YearsAsync(TestContext.Current.CancellationToken)).Select(y => y.Year));

        var warning = Assert.Single(await Admin.WarningsAsync(TestContext.Current.CancellationToken)); // today is 2026-11-23: 39 days before 2027
        Assert.Equal((2027, false), (warning.Year, warning.Urgent));
        Assert.Contains("2027 年节假日历尚未导入", warning.Message);
    }

    [Fact]
    public async Task Importing_a_year_from_json_or_ics_stores_it_and_clears_the_warning()
    {
        var admin = await _db.StaffAsync("admin");
        const string json = """{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"春节","date":"2027-02-06","isOffDay":true}]}""";

        var imported = await Admin.ImportAsync("2027.json", json, null, admin, TestContext.Current.CancellationToken);

        Assert.True(imported.Succeeded);
        Assert.Empty(await Admin.WarningsAsync(TestContext.Current.CancellationToken));
        var stored = (await Admin.YearsAsync(TestContext.Current.CancellationToken)).Single(y => y.Year == 2027);
        Assert.Equal((2, "系统管理员"), (stored.Days.Count, stored.UpdatedBy));

        var ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR";
        Assert.Equal("导入 ICS 文件时请填写年份", Assert.Single((await Admin.ImportAsync("holidays.ics", ics, null, admin, TestContext.Current.CancellationToken)).Errors).Message);
        Assert.True((await Admin.ImportAsync("holidays.ics", ics, 2027, admin, TestContext.Current.CancellationToken)).Succeeded);
        Assert.Single((await Admin.YearsAsync(TestContext.Current.CancellationToken)).Single(y => y.Year == 2027).Days); // replaced, not merged
    }

    [Fact]
    public async Task A_bad_file_is_refused_and_nothing_changes()
    {
        var result = await Admin.ImportAsync("2027.json", "{\"year\":2027,\"days\":[{\"date\":\"2027-02-30\",\"isOffDay\":true}]}", null, await _db.StaffAsync("admin"), TestContext.Current.CancellationToken);

        Assert.Equal("日期格式不正确：2027-02-30（应为 yyyy-MM-dd）", Assert.Single(result.Errors).Message);
        Assert.DoesNotContain(await Admin.YearsAsync(TestContext.Current.CancellationToken), y => y.Year == 2027);
    }

    [Fact]
    public async Task A_day_marked_as_holiday_moves_new_deadlines_but_not_running_ones()
    {
        var before = await HandlingClockOfNewComplaintAsync("13900000001"); // 7 working days from Mon 23 Nov → Wed 2 Dec

        var marked = await Admin.SetDayAsync(new DateOnly(2026, 11, 24), DayKind.Holiday, "抗灾停工", await _db.StaffAsync("admin"), TestContext.Current.CancellationToken);
        var after = await HandlingClockOfNewComplaintAsync("13900000002");

        Assert.True(marked.Succeeded);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 30, 0, ChinaTime.Offset), before.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 30, 0, ChinaTime.Offset), after.DueAt);
        var kept = await _db.LoadAsync("TS202611230001");
        Assert.Equal(before.DueAt, kept.Clocks.Single(c => c.Kind == ClockKind.Handling).DueAt);
    }

    [Fact]
    public async Task A_policy_change_applies_to_new_complaints_while_running_clocks_keep_their_limit()
    {
        var running = await HandlingClockOfNewComplaintAsync("13900000001");
        var rule = (await Admin.RulesAsync(TestContext.Current.CancellationToken)).Single(r => r.Clock == ClockKind.Handling && r.Channel is null && r.Category is null && r.Urgency is null);

        rule.Amount = 2;
        Assert.True((await Admin.SaveRuleAsync(rule, TestContext.Current.CancellationToken)).Succeeded);
        var fresh = await HandlingClockOfNewComplaintAsync("13900000002");

        Assert.Equal(TimeLimit.WorkingDays(7), (await _db.LoadAsync("TS202611230001")).Clocks.Single(c => c.Kind == ClockKind.Handling).Limit);
        Assert.Equal(running.DueAt, (await _db.LoadAsync("TS202611230001")).Clocks.Single(c => c.Kind == ClockKind.Handling).DueAt);
        Assert.Equal(TimeLimit.WorkingDays(2), fresh.Limit);
    }

    [Fact]
    public async Task Department_hours_set_when_a_working_day_limit_closes()
    {
        var department = (await Admin.DepartmentsAsync(TestContext.Current.CancellationToken)).Single(d => d.Name == "客户服务中心");

        Assert.Equal("下班时间须晚于上班时间", Assert.Single((await Admin.SetHoursAsync(department.Id, new TimeOnly(18, 0), new TimeOnly(9, 0), TestContext.Current.CancellationToken)).Reasons));
        Assert.True((await Admin.SetHoursAsync(department.Id, new TimeOnly(9, 0), new TimeOnly(18, 0), TestContext.Current.CancellationToken)).Succeeded);
        var clock = await HandlingClockOfNewComplaintAsync("13900000003");

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 18, 0, 0, ChinaTime.Offset), clock.DueAt);
    }

    [Theory]
    [InlineData(LimitUnit.WorkingDays, 0, "依据", "Amount", "时限数量须在 1 至 365 之间")]
    [InlineData(LimitUnit.Immediate, 3, "依据", "Amount", "“立即”不填数量")]
    [InlineData(LimitUnit.Hours, 24, "", "Source", "请写明依据（不超过 200 字的纯文本）")]
    public async Task A_bad_rule_is_refused_at_its_field(LimitUnit unit, int amount, string source, string field, string message)
    {
        var result = await Admin.SaveRuleAsync(new SlaRuleRecord { Clock = ClockKind.Handling, Unit = unit, Amount = amount, Source = source }, TestContext.Current.CancellationToken);

        Assert.Equal(new PowerService.Domain.Text.FieldError(field, message), Assert.Single(result.Errors));
    }
}

public sealed class SlaAdminTestsOnSqlite() : SlaAdminTests(DatabaseProvider.Sqlite);

public sealed class SlaAdminTestsOnPostgres() : SlaAdminTests(DatabaseProvider.Postgres);
