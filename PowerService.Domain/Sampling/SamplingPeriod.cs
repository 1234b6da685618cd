using System.Globalization;
using PowerService.Domain.Time;

namespace PowerService.Domain.Sampling;

/// <summary>
/// The period one level samples, in China dates, first and last day included: a week (Monday to Sunday,
/// ISO weeks), a month or a quarter. A complaint belongs to the period its closing falls in, at China midnight.
/// </summary>
public sealed record SamplingPeriod(SamplingLevel Level, DateOnly First, DateOnly Last)
{
    /// <summary>The period of <paramref name="level"/> that holds <paramref name="day"/>.</summary>
    public static SamplingPeriod Containing(SamplingLevel level, DateOnly day)
    {
        switch (level)
        {
            case SamplingLevel.TeamWeekly:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new(level, monday, monday.AddDays(6));
            case SamplingLevel.DepartmentMonthly:
                var month = new DateOnly(day.Year, day.Month, 1);
                return new(level, month, month.AddMonths(1).AddDays(-1));
            default:
                var quarter = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return new(level, quarter, quarter.AddMonths(3).AddDays(-1));
        }
    }

    /// <summary>The latest period of <paramref name="level"/> that has ended at <paramref name="now"/>: the one whose sample is due.</summary>
    public static SamplingPeriod LastEnded(SamplingLevel level, DateTimeOffset now) => Containing(level, now.ChinaDate()).Previous();

    /// <summary>The <paramref name="count"/> latest ended periods, newest first: what a manager may draw by hand.</summary>
    public static IReadOnlyList<SamplingPeriod> RecentEnded(SamplingLevel level, DateTimeOffset now, int count)
    {
        var list = new List<SamplingPeriod>(count);
        for (var p = LastEnded(level, now); list.Count < count; p = p.Previous()) list.Add(p);
        return list;
    }

    public SamplingPeriod Previous() => Containing(Level, First.AddDays(-1));

    /// <summary>China midnight of the first day.</summary>
    public DateTimeOffset From => ChinaTime.FromChinaWallClock(First.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    /// <summary>China midnight after the last day (excluded).</summary>
    public DateTimeOffset To => ChinaTime.FromChinaWallClock(Last.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    public bool HasEnded(DateTimeOffset now) => now >= To;

    /// <summary>2026-W47, 2026-11, 2026-Q4: the key of a batch and the seed of its draw.</summary>
    public string Slug => Level switch
    {
        SamplingLevel.TeamWeekly => $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)):D2}",
        SamplingLevel.DepartmentMonthly => $"{First:yyyy-MM}",
        _ => $"{First.Year}-Q{(First.Month + 2) / 3}",
    };

    public string Label => Level switch
    {
        SamplingLevel.TeamWeekly => $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue))}年第{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue))}周（{First.Month}月{First.Day}日–{Last.Month}月{Last.Day}日）",
        SamplingLevel.DepartmentMonthly => $"{First.Year}年{First.Month}月",
        _ => $"{First.Year}年第{(First.Month + 2) / 3}季度",
    };

    /// <summary>Reads a <see cref="Slug"/> of the level back; null when it is not one.</summary>
    public static SamplingPeriod? Parse(SamplingLevel level, string? slug)
    {
        var s = slug?.Trim() ?? "";
        var inv = CultureInfo.InvariantCulture;
        if (level == SamplingLevel.TeamWeekly && s.Length == 8 && s[4..6] == "-W" && int.TryParse(s[..4], inv, out var y) && int.TryParse(s[6..], inv, out var w)
            && y is >= 2000 and <= 2100 && w >= 1 && w <= ISOWeek.GetWeeksInYear(y))
            return Containing(level, DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday)));
        if (level == SamplingLevel.DepartmentMonthly && s.Length == 7
            && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var m) && m.Year is >= 2000 and <= 2100)
            return Containing(level, m);
        if (level == SamplingLevel.ThirdPartyQuarterly && s.Length == 7 && s[4..6] == "-Q" && int.TryParse(s[..4], inv, out y) && int.TryParse(s[6..], inv, out var q)
            && y is >= 2000 and <= 2100 && q is >= 1 and <= 4)
            return Containing(level, new DateOnly(y, q * 3 - 2, 1));
        return null;
    }
}
