using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Tests.Domain.Time;

namespace PowerService.Tests.Domain.Sla;

public class SlaClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, ChinaTime.Offset);
    private static readonly SlaClock TenHours = new(ClockKind.Handling, TimeLimit.Hours(10), Start, Start.AddHours(10));

    [Theory]
    [InlineData(0, ClockState.OnTrack)]
    [InlineData(7.25, ClockState.OnTrack)]
    [InlineData(7.5, ClockState.Warning)]
    [InlineData(9, ClockState.Critical)]
    [InlineData(10, ClockState.Breached)]
    [InlineData(30, ClockState.Breached)]
    public void A_running_clock_warns_at_75_and_90_percent_and_breaches_at_the_limit(double hours, ClockState expected)
    {
        var reading = TenHours.Read(Start.AddHours(hours), ClockThresholds.Default);

        Assert.Equal(expected, reading.State);
        Assert.Equal(TimeSpan.FromHours(10 - hours), reading.Left);
    }

    [Theory]
    [InlineData(0.0, 7.5)]
    [InlineData(7.4999, 7.5)]
    [InlineData(7.5, 9.0)]
    [InlineData(9.0, 10.0)]
    [InlineData(10.0, null)]
    public void The_next_level_after_an_instant_is_where_the_reading_changes(double hours, double? expectedHours)
    {
        var clock = TenHours with { StartedAt = Start.AddTicks(4_302_574), DueAt = Start.AddTicks(4_302_574).AddHours(10) }; // sub-millisecond, as stored times are
        var now = clock.StartedAt.AddHours(hours);

        var next = clock.NextLevelAfter(now, ClockThresholds.Default);

        Assert.Equal(expectedHours is { } h ? clock.StartedAt.AddHours(h) : null, next);
        if (next is { } at)
            Assert.True(clock.Read(at, ClockThresholds.Default).State > clock.Read(at.AddTicks(-1), ClockThresholds.Default).State);
        Assert.Null((clock with { StoppedAt = now }).NextLevelAfter(now, ClockThresholds.Default));
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        Assert.Equal(ClockState.Warning, TenHours.Read(Start.AddHours(5), new ClockThresholds(0.5, 0.8)).State);
        Assert.False(new ClockThresholds(0.9, 0.8).IsValid);
    }

    [Fact]
    public void A_stopped_clock_says_whether_it_was_met_in_time()
    {
        Assert.Equal(ClockState.Met, TenHours.Stop(Start.AddHours(4)).Read(Start.AddDays(3), ClockThresholds.Default).State);
        Assert.Equal(ClockState.MetLate, TenHours.Stop(Start.AddHours(11)).Read(Start.AddDays(3), ClockThresholds.Default).State);
    }

    [Fact]
    public void An_extension_moves_the_deadline_later_only()
    {
        var extended = TenHours.ExtendTo(Start.AddDays(2));

        Assert.Equal(ClockState.OnTrack, extended.Read(Start.AddHours(12), ClockThresholds.Default).State);
        Assert.Throws<ArgumentOutOfRangeException>(() => TenHours.ExtendTo(Start.AddHours(1)));
    }

    [Fact]
    public void An_immediate_limit_is_breached_once_its_moment_passes()
    {
        var now = new SlaClock(ClockKind.FirstResponse, TimeLimit.Immediately, Start, Start);

        Assert.Equal(ClockState.Breached, now.Read(Start.AddSeconds(1), ClockThresholds.Default).State);
    }
}

public class SlaPolicyTests
{
    private static readonly WorkingCalendar Calendar = ShippedCalendars.Calendar;
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, ChinaTime.Offset);

    private static TimeLimit Limit(ClockKind clock, Channel channel, Category category, Urgency urgency) =>
        SlaPolicy.Default.RuleFor(clock, channel, category, urgency, Monday, Calendar, BusinessHours.Default)!.Limit;

    [Theory]
    [InlineData(Channel.Hotline95598, Category.Supply, Urgency.Normal, LimitUnit.WorkingDays, 4)]
    [InlineData(Channel.Regulator12398, Category.Supply, Urgency.Normal, LimitUnit.WorkingDays, 10)]
    [InlineData(Channel.Government12345, Category.Supply, Urgency.Normal, LimitUnit.CalendarDays, 7)]
    [InlineData(Channel.ServiceHall, Category.Billing, Urgency.Normal, LimitUnit.WorkingDays, 3)]
    [InlineData(Channel.ServiceHall, Category.Supply, Urgency.Normal, LimitUnit.WorkingDays, 7)]
    [InlineData(Channel.Hotline95598, Category.Supply, Urgency.Urgent, LimitUnit.WorkingDays, 1)]
    [InlineData(Channel.Regulator12398, Category.Billing, Urgency.Normal, LimitUnit.WorkingDays, 3)]
    public void Handling_limits_follow_the_most_specific_then_strictest_rule(Channel channel, Category category, Urgency urgency, LimitUnit unit, int amount)
    {
        Assert.Equal(new TimeLimit(unit, amount), Limit(ClockKind.Handling, channel, category, urgency));
    }

    [Fact]
    public void Response_and_contact_limits_follow_urgency_and_channel()
    {
        Assert.Equal(TimeLimit.Minutes(15), Limit(ClockKind.FirstResponse, Channel.Phone, Category.Repair, Urgency.Critical));
        Assert.Equal(TimeLimit.Hours(2), Limit(ClockKind.FirstResponse, Channel.Phone, Category.Repair, Urgency.Urgent));
        Assert.Equal(TimeLimit.Hours(24), Limit(ClockKind.CustomerContact, Channel.Hotline95598, Category.Supply, Urgency.Normal));
        Assert.Equal(TimeLimit.Minutes(30), Limit(ClockKind.CustomerContact, Channel.App, Category.Supply, Urgency.Urgent));
        Assert.Equal(TimeLimit.Hours(24), Limit(ClockKind.FirstRevisit, Channel.App, Category.Supply, Urgency.Normal));
    }

    [Fact]
    public void A_started_clock_keeps_its_limit_when_the_policy_changes()
    {
        var clock = SlaPolicy.Default.Start(ClockKind.Handling, Channel.Hotline95598, Category.Supply, Urgency.Normal, Monday, Calendar, BusinessHours.Default)!;
        var stricter = new SlaPolicy([new(null, null, null, ClockKind.Handling, TimeLimit.WorkingDays(1), "test")]);

        var underNewPolicy = stricter.Start(ClockKind.Handling, Channel.Hotline95598, Category.Supply, Urgency.Normal, Monday, Calendar, BusinessHours.Default)!;

        Assert.Equal((TimeLimit.WorkingDays(4), new DateTimeOffset(2026, 11, 27, 17, 30, 0, ChinaTime.Offset)), (clock.Limit, clock.DueAt));
        Assert.Equal("国家电网95598服务规范：投诉 4 个工作日内处理答复", clock.Rule);
        Assert.NotEqual(clock.DueAt, underNewPolicy.DueAt);
    }
}
