using PowerService.Domain.Time;

namespace PowerService.Domain.Sla;

/// <summary>How a limit is counted.</summary>
public enum LimitUnit
{
    /// <summary>"立即": due at once.</summary>
    Immediate,
    /// <summary>Natural minutes ("30 分钟内"), counted around the clock.</summary>
    Minutes,
    /// <summary>Natural hours ("24 小时内"), counted around the clock.</summary>
    Hours,
    /// <summary>Natural days ("7 天"), counted around the clock.</summary>
    CalendarDays,
    /// <summary>Hours inside business hours on working days ("2 个工作小时").</summary>
    WorkingHours,
    /// <summary>Working days ("3 个工作日"): closes at the end of business on the Nth working day after the start day.</summary>
    WorkingDays,
}

/// <summary>A time limit as a rule states it, e.g. 24 hours or 3 working days.</summary>
public readonly record struct TimeLimit(LimitUnit Unit, int Amount)
{
    public static TimeLimit Immediately => new(LimitUnit.Immediate, 0);
    public static TimeLimit Minutes(int n) => new(LimitUnit.Minutes, n);
    public static TimeLimit Hours(int n) => new(LimitUnit.Hours, n);
    public static TimeLimit CalendarDays(int n) => new(LimitUnit.CalendarDays, n);
    public static TimeLimit WorkingHours(int n) => new(LimitUnit.WorkingHours, n);
    public static TimeLimit WorkingDays(int n) => new(LimitUnit.WorkingDays, n);

    public override string ToString() => Unit switch
    {
        LimitUnit.Immediate => "立即",
        LimitUnit.Minutes => $"{Amount} 分钟",
        LimitUnit.Hours => $"{Amount} 小时",
        LimitUnit.CalendarDays => $"{Amount} 天",
        LimitUnit.WorkingHours => $"{Amount} 个工作小时",
        LimitUnit.WorkingDays => $"{Amount} 个工作日",
        _ => $"{Amount} {Unit}",
    };
}

/// <summary>A computed deadline; <see cref="UsedFallbackCalendar"/> when a year without calendar data was crossed.</summary>
public readonly record struct Deadline(DateTimeOffset Due, bool UsedFallbackCalendar);

/// <summary>
/// Turns a limit into a deadline. Natural units add wall time; working units walk the working-day
/// calendar in China time within the department's business hours. Working days follow the common
/// "次日起算" rule: the start day is not counted, whatever the hour.
/// </summary>
public static class Deadlines
{
    public static Deadline Compute(DateTimeOffset start, TimeLimit limit, WorkingCalendar calendar, BusinessHours hours)
    {
        if (limit.Amount < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A limit cannot be negative.");
        return limit.Unit switch
        {
            LimitUnit.Immediate => new(start, false),
            LimitUnit.Minutes => new(start.AddMinutes(limit.Amount), false),
            LimitUnit.Hours => new(start.AddHours(limit.Amount), false),
            LimitUnit.CalendarDays => new(start.AddDays(limit.Amount), false),
            LimitUnit.WorkingDays => AddWorkingDays(start, limit.Amount, calendar, hours),
            LimitUnit.WorkingHours => AddWorkingTime(start, TimeSpan.FromHours(limit.Amount), calendar, hours),
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
        };
    }

    private static Deadline AddWorkingDays(DateTimeOffset start, int days, WorkingCalendar calendar, BusinessHours hours)
    {
        var date = start.ChinaDate();
        var fallback = false;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkingDay(date, out var f)) counted++;
            fallback |= f;
        }
        return new(At(date, hours.Closes), fallback);
    }

    private static Deadline AddWorkingTime(DateTimeOffset start, TimeSpan amount, WorkingCalendar calendar, BusinessHours hours)
    {
        var local = start.ToChina();
        var date = DateOnly.FromDateTime(local.DateTime);
        var clock = TimeOnly.FromDateTime(local.DateTime);
        var fallback = false;
        var left = amount;
        while (true)
        {
            if (calendar.IsWorkingDay(date, out var f))
            {
                fallback |= f;
                var from = clock < hours.Opens ? hours.Opens : clock;
                if (from < hours.Closes)
                {
                    var available = hours.Closes - from;
                    if (left <= available) return new(At(date, from.Add(left)), fallback);
                    left -= available;
                }
            }
            else fallback |= f;
            date = date.AddDays(1);
            clock = TimeOnly.MinValue;
        }
    }

    /// <summary>
    /// The working time between two instants: the parts of [from, to) that fall within business
    /// hours on working days, in China time (the measure "average handling time in working hours").
    /// The inverse of a working-hours limit: Between(start, Compute(start, WorkingHours(n))) is n hours.
    /// </summary>
    public static TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar, BusinessHours hours)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var date = from.ChinaDate(); date <= to.ChinaDate(); date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date)) continue;
            var opens = At(date, hours.Opens);
            var closes = At(date, hours.Closes);
            var start = from > opens ? from : opens;
            var end = to < closes ? to : closes;
            if (end > start) total += end - start;
        }
        return total;
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        ChinaTime.FromChinaWallClock(date.ToDateTime(time)).ToUniversalTime();
}
