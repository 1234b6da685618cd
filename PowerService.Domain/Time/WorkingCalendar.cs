namespace PowerService.Domain.Time;

/// <summary>One listed exception of a year: a statutory holiday (off) or a make-up working day (调休上班).</summary>
public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>A year's calendar as published: only the days that differ from "Monday–Friday work".</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// Which days are working days in mainland China. A year is data (its exceptions), never logic;
/// a year with no data falls back to weekends-only, and every answer says whether it did, so the
/// deadline can carry a warning. Lookups are array reads, because SLA clocks ask millions of times.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, bool[]> _known = [];
    private readonly Dictionary<int, bool[]> _fallback = [];
    private readonly Lock _fallbackLock = new();

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        foreach (var year in years)
        {
            var days = WeekdaysOf(year.Year);
            foreach (var day in year.Days)
            {
                if (day.Date.Year != year.Year)
                    throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed under {year.Year}.", nameof(years));
                days[day.Date.DayOfYear - 1] = !day.IsOffDay;
            }
            _known[year.Year] = days;
        }
    }

    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<int> KnownYears => _known.Keys;

    public bool HasYear(int year) => _known.ContainsKey(year);

    public bool IsWorkingDay(DateOnly date) => TableFor(date.Year, out _)[date.DayOfYear - 1];

    /// <summary>Whether the date is a working day, and whether the answer came from the weekends-only fallback.</summary>
    public bool IsWorkingDay(DateOnly date, out bool fallback) => TableFor(date.Year, out fallback)[date.DayOfYear - 1];

    private bool[] TableFor(int year, out bool fallback)
    {
        if (_known.TryGetValue(year, out var days))
        {
            fallback = false;
            return days;
        }
        fallback = true;
        lock (_fallbackLock)
        {
            if (!_fallback.TryGetValue(year, out days)) _fallback[year] = days = WeekdaysOf(year);
            return days;
        }
    }

    private static bool[] WeekdaysOf(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var days = new bool[DateTime.IsLeapYear(year) ? 366 : 365];
        for (var i = 0; i < days.Length; i++)
            days[i] = first.AddDays(i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        return days;
    }
}

/// <summary>A department's working hours on a working day (default 08:30–17:30), in China time.</summary>
public sealed record BusinessHours(TimeOnly Opens, TimeOnly Closes)
{
    public static BusinessHours Default { get; } = new(new TimeOnly(8, 30), new TimeOnly(17, 30));

    public TimeSpan Length => Closes - Opens;
}
