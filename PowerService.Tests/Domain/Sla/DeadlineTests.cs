using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Tests.Domain.Time;

namespace PowerService.Tests.Domain.Sla;

/// <summary>Deadlines against hand-worked cases on the shipped PRC calendars (China time).</summary>
public class DeadlineTests
{
    private static readonly WorkingCalendar Calendar = ShippedCalendars.Calendar;
    private static readonly BusinessHours Hours = BusinessHours.Default;

    private static DateTimeOffset Cst(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, ChinaTime.Offset);

    private static DateTimeOffset Due(DateTimeOffset start, TimeLimit limit) => Deadlines.Compute(start, limit, Calendar, Hours).Due;

    [Fact]
    public void Three_working_days_across_spring_festival_2026_count_the_make_up_saturday()
    {
        // Fri 2/13 → Sat 2/14 (调休上班) is day 1; 2/15–2/23 off; Tue 2/24 day 2; Wed 2/25 day 3.
        Assert.Equal(Cst(2026, 2, 25, 17, 30), Due(Cst(2026, 2, 13, 10), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void A_complaint_taken_on_the_make_up_saturday_counts_from_the_next_working_day()
    {
        Assert.Equal(Cst(2026, 2, 24, 17, 30), Due(Cst(2026, 2, 14, 9), TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void Natural_hours_run_straight_through_the_holiday()
    {
        Assert.Equal(Cst(2026, 2, 16, 10), Due(Cst(2026, 2, 13, 10), TimeLimit.Hours(72)));
    }

    [Fact]
    public void National_day_week_2026_is_skipped_and_the_make_up_saturday_counts()
    {
        // Wed 9/30 → 10/1–10/7 off → Thu 10/8 day 1, Fri 10/9 day 2, Sat 10/10 (调休上班) day 3.
        Assert.Equal(Cst(2026, 10, 9, 17, 30), Due(Cst(2026, 9, 30, 15), TimeLimit.WorkingDays(2)));
        Assert.Equal(Cst(2026, 10, 10, 17, 30), Due(Cst(2026, 9, 30, 15), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void The_make_up_sunday_before_mid_autumn_is_a_working_day()
    {
        Assert.Equal(Cst(2026, 9, 20, 17, 30), Due(Cst(2026, 9, 19, 10), TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void A_limit_starting_friday_at_17_00_is_counted_three_ways()
    {
        var friday = Cst(2026, 11, 20, 17);

        Assert.Equal(Cst(2026, 11, 21, 17), Due(friday, TimeLimit.Hours(24)));
        Assert.Equal(Cst(2026, 11, 23, 10), Due(friday, TimeLimit.WorkingHours(2))); // 30 min Friday, 1 h 30 Monday
        Assert.Equal(Cst(2026, 11, 23, 17, 30), Due(friday, TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void Working_hours_started_before_opening_begin_at_opening()
    {
        Assert.Equal(Cst(2026, 11, 23, 10, 30), Due(Cst(2026, 11, 23, 6), TimeLimit.WorkingHours(2)));
    }

    [Fact]
    public void The_year_boundary_2025_to_2026_skips_new_year_and_counts_sunday_4_january()
    {
        Assert.Equal(Cst(2026, 1, 5, 17, 30), Due(Cst(2025, 12, 31, 16), TimeLimit.WorkingDays(2)));
        Assert.Equal(Cst(2026, 1, 4, 11), Due(Cst(2025, 12, 31, 16), TimeLimit.WorkingHours(4)));
    }

    [Fact]
    public void Spring_festival_2025_make_up_sunday_counts()
    {
        Assert.Equal(Cst(2025, 1, 26, 17, 30), Due(Cst(2025, 1, 25, 10), TimeLimit.WorkingDays(1)));
        Assert.Equal(Cst(2025, 2, 6, 17, 30), Due(Cst(2025, 1, 27, 10), TimeLimit.WorkingDays(2))); // 1/28–2/4 off
    }

    [Fact]
    public void A_year_without_calendar_falls_back_to_weekends_only_and_says_so()
    {
        var into2027 = Deadlines.Compute(Cst(2026, 12, 31, 10), TimeLimit.WorkingDays(2), Calendar, Hours);
        var within2026 = Deadlines.Compute(Cst(2026, 12, 28, 10), TimeLimit.WorkingDays(2), Calendar, Hours);

        Assert.Equal((Cst(2027, 1, 4, 17, 30), true), (into2027.Due, into2027.UsedFallbackCalendar));
        Assert.False(within2026.UsedFallbackCalendar);
    }

    [Fact]
    public void The_server_or_caller_time_zone_does_not_change_a_deadline()
    {
        var beijing = Cst(2026, 2, 13, 10);
        var sameInstantInNewYork = beijing.ToOffset(TimeSpan.FromHours(-5));

        Assert.Equal(Due(beijing, TimeLimit.WorkingDays(3)), Due(sameInstantInNewYork, TimeLimit.WorkingDays(3)));
        Assert.Equal(TimeSpan.Zero, Due(beijing, TimeLimit.WorkingDays(3)).Offset);
    }

    [Theory]
    [InlineData(LimitUnit.Immediate, 0, "立即")]
    [InlineData(LimitUnit.Minutes, 30, "30 分钟")]
    [InlineData(LimitUnit.WorkingDays, 3, "3 个工作日")]
    [InlineData(LimitUnit.CalendarDays, 7, "7 天")]
    public void Limits_read_as_the_rules_state_them(LimitUnit unit, int amount, string text) =>
        Assert.Equal(text, new TimeLimit(unit, amount).ToString());
}
