using PowerService.Domain.Time;

namespace PowerService.Domain.Reports;

public enum PeriodKind { Month, Quarter, Year, Custom }

/// <summary>
/// A reporting period in China dates, first and last day included. A complaint belongs to the period
/// its receipt falls in (受理时间), at China midnight: <see cref="From"/> and <see cref="To"/> are the
/// instants that bound it, so a complaint received at 00:00 China time on the 1st is in the new month.
/// </summary>
public sealed record ReportPeriod(PeriodKind Kind, DateOnly First, DateOnly Last)
{
    public static ReportPeriod Month(int year, int month) =>
        new(PeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static ReportPeriod Quarter(int year, int quarter) =>
        quarter is < 1 or > 4 ? throw new ArgumentOutOfRangeException(nameof(quarter))
            : new(PeriodKind.Quarter, new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3 - 2, 1).AddMonths(3).AddDays(-1));

    public static ReportPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ReportPeriod Custom(DateOnly first, DateOnly last) =>
        last < first ? throw new ArgumentOutOfRangeException(nameof(last), "The last day is before the first.") : new(PeriodKind.Custom, first, last);

    /// <summary>The instant the period starts: China midnight of its first day.</summary>
    public DateTimeOffset From => ChinaTime.FromChinaWallClock(First.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    /// <summary>The instant the period ends (excluded): China midnight after its last day.</summary>
    public DateTimeOffset To => ChinaTime.FromChinaWallClock(Last.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    public int Days => Last.DayNumber - First.DayNumber + 1;

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>The period just before, of the same kind and length (环比).</summary>
    public ReportPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Month(First.AddMonths(-1).Year, First.AddMonths(-1).Month),
        PeriodKind.Quarter => new(PeriodKind.Quarter, First.AddMonths(-3), First.AddDays(-1)),
        PeriodKind.Year => Year(First.Year - 1),
        _ => Custom(First.AddDays(-Days), First.AddDays(-1)),
    };

    /// <summary>The same period a year earlier (同比).</summary>
    public ReportPeriod SameLastYear() => Kind switch
    {
        PeriodKind.Month => Month(First.Year - 1, First.Month),
        PeriodKind.Quarter => new(PeriodKind.Quarter, First.AddYears(-1), First.AddYears(-1).AddMonths(3).AddDays(-1)),
        PeriodKind.Year => Year(First.Year - 1),
        _ => Custom(First.AddYears(-1), Last.AddYears(-1)),
    };

    /// <summary>The months the period covers, for a trend.</summary>
    public IEnumerable<ReportPeriod> Months()
    {
        for (var m = new DateOnly(First.Year, First.Month, 1); m <= Last; m = m.AddMonths(1))
            yield return Month(m.Year, m.Month);
    }

    public string Label => Kind switch
    {
        PeriodKind.Month => $"{First.Year}年{First.Month}月",
        PeriodKind.Quarter => $"{First.Year}年第{(First.Month + 2) / 3}季度",
        PeriodKind.Year => $"{First.Year}年",
        _ => $"{First:yyyy-MM-dd} 至 {Last:yyyy-MM-dd}",
    };

    /// <summary>A short machine name for files and links: 2026-10, 2026-Q3, 2026, 2026-10-01_2026-10-15.</summary>
    public string Slug => Kind switch
    {
        PeriodKind.Month => $"{First:yyyy-MM}",
        PeriodKind.Quarter => $"{First.Year}-Q{(First.Month + 2) / 3}",
        PeriodKind.Year => $"{First.Year}",
        _ => $"{First:yyyy-MM-dd}_{Last:yyyy-MM-dd}",
    };

    /// <summary>Reads a <see cref="Slug"/> back; null when it is not one.</summary>
    public static ReportPeriod? Parse(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug)) return null;
        var s = slug.Trim();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, inv, out var y) && y is >= 2000 and <= 2100) return Year(y);
        if (s.Length == 7 && s[4] == '-' && s[5] == 'Q' && int.TryParse(s[..4], inv, out y) && int.TryParse(s[6..], inv, out var q) && q is >= 1 and <= 4 && y is >= 2000 and <= 2100)
            return Quarter(y, q);
        if (s.Length == 7 && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var m)) return Month(m.Year, m.Month);
        var parts = s.Split('_');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var a)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", inv, System.Globalization.DateTimeStyles.None, out var b) && a <= b)
            return Custom(a, b);
        return null;
    }
}
