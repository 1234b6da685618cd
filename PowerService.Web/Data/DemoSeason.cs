using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Web.Data;

/// <summary>
/// When the demo's complaints come in, and about what (docs/domain.md §3: billing complaints peak in
/// the days after monthly billing, outage and repair complaints in summer heat and storms). Each
/// category has a factor per day whose mean over a year is about 1, so the shares of §3 hold on
/// average while the months differ; holidays — 春节 most — are quieter, whatever the category.
/// </summary>
internal sealed class DemoSeason
{
    /// <summary>The first day the shipped working calendars cover (2025-01-01 is a holiday): no demo complaint is older.</summary>
    public static readonly DateOnly FirstDay = new(2025, 1, 2);

    /// <summary>Category shares of volume, docs/domain.md §3 (服务态度 6 % + 流程繁琐 5 % as one category).</summary>
    public static readonly (Category Category, int Weight)[] CategoryShares =
        [(Category.Billing, 42), (Category.Supply, 28), (Category.Repair, 15), (Category.Conduct, 11), (Category.Other, 4)];

    /// <summary>
    /// Outages and repairs by month: air-conditioning load peaks July–August (overloaded transformers,
    /// cable faults) with thunderstorms and typhoons; spring and late autumn are quiet. Mean 1.0.
    /// </summary>
    private static readonly double[] SummerCurve = Normalised([0.75, 0.7, 0.7, 0.75, 0.9, 1.25, 1.8, 1.8, 1.25, 0.85, 0.75, 0.8]);

    /// <summary>Bills for the months of heavy use (air-conditioning, electric heating) arrive in August–September and January–February: more 电费突增.</summary>
    private static readonly double[] BillCurve = Normalised([1.1, 1.1, 0.95, 0.95, 0.95, 0.95, 0.95, 1.15, 1.15, 0.95, 0.95, 0.95]);

    /// <summary>
    /// Demo weeks of typhoon or severe thunderstorms over the service area (assumed for the demo, not
    /// weather records): outage and repair complaints several times the season's level.
    /// </summary>
    private static readonly (DateOnly From, DateOnly To)[] Storms =
    [
        (new(2025, 7, 29), new(2025, 8, 3)), (new(2025, 8, 18), new(2025, 8, 21)), (new(2025, 9, 16), new(2025, 9, 19)),
        (new(2026, 6, 24), new(2026, 6, 26)), (new(2026, 7, 20), new(2026, 7, 26)), (new(2026, 8, 10), new(2026, 8, 14)),
    ];

    /// <summary>Calls by China hour of day: few at night, most in office hours.</summary>
    private static readonly double[] Hours =
        [0.3, 0.2, 0.15, 0.15, 0.15, 0.25, 0.5, 0.9, 1.4, 1.7, 1.7, 1.5, 1.1, 1.2, 1.5, 1.6, 1.5, 1.3, 1.1, 1.0, 0.9, 0.8, 0.6, 0.4];

    private readonly Dictionary<DateOnly, CalendarDay> _calendar;

    /// <param name="calendarDays">The stored calendars' exceptions: holidays (by name, 春节 among them) and make-up working days.</param>
    public DemoSeason(IEnumerable<CalendarDay> calendarDays) => _calendar = calendarDays.ToDictionary(d => d.Date);

    public static bool IsStorm(DateOnly day) => Storms.Any(s => day >= s.From && day <= s.To);

    /// <summary>How many times its average share a category gets on <paramref name="day"/>.</summary>
    public static double CategoryFactor(Category category, DateOnly day) => RawFactor(category, day) / MeanFactor[category];

    private static double RawFactor(Category category, DateOnly day) => category switch
    {
        // Bills go out on the 1st–2nd; disputes come in the days after (days 3–7), fewer later in the month.
        Category.Billing => (day.Day is >= 3 and <= 7 ? 2.0 : 0.8) * BillCurve[day.Month - 1],
        Category.Supply => SummerCurve[day.Month - 1] * (IsStorm(day) ? 2.2 : 1),
        Category.Repair => SummerCurve[day.Month - 1] * (IsStorm(day) ? 2.6 : 1),
        _ => 1,
    };

    /// <summary>Each category's mean raw factor over the two demo years (storm weeks included), so the factors average 1 and §3's shares hold.</summary>
    private static readonly Dictionary<Category, double> MeanFactor = Enum.GetValues<Category>().ToDictionary(c => c,
        c => Enumerable.Range(0, 730).Average(d => RawFactor(c, new DateOnly(2025, 1, 1).AddDays(d))));

    /// <summary>The day's expected volume relative to an ordinary day.</summary>
    public double Volume(DateOnly day) =>
        CategoryShares.Sum(s => s.Weight * CategoryFactor(s.Category, day)) / 100 * QuietFactor(day);

    /// <summary>Holidays are quiet (春节 most: people are away, businesses shut), weekends a little.</summary>
    private double QuietFactor(DateOnly day) => _calendar.GetValueOrDefault(day) switch
    {
        { IsOffDay: true, Name: "春节" } => 0.45,
        { IsOffDay: true } => 0.75,
        { IsOffDay: false } => 1, // a make-up working day
        null when day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday => 0.85,
        _ => 1,
    };

    /// <summary>
    /// How many complaints each day from <paramref name="first"/> to <paramref name="now"/>'s China date
    /// gets: <paramref name="count"/> in all, in proportion to each day's volume (give or take 15 %,
    /// as days are), today only for the part of it that has passed.
    /// </summary>
    public int[] Plan(DateOnly first, DateTimeOffset now, int count, Random random)
    {
        var days = now.ChinaDate().DayNumber - first.DayNumber + 1;
        if (days < 1) throw new ArgumentException($"The demo history starts on {first:yyyy-MM-dd}, after now ({now.ChinaDate():yyyy-MM-dd}).", nameof(first));
        var weights = new double[days];
        for (var d = 0; d < days; d++) weights[d] = Volume(first.AddDays(d)) * (0.85 + 0.3 * random.NextDouble());
        weights[^1] *= PassedShare(now);
        var total = weights.Sum();
        var plan = new int[days];
        var before = 0.0;
        for (var d = 0; d < days; d++)
        {
            // Cumulative rounding: each day's share rounded where it ends, so the total is exact.
            var after = before + weights[d];
            plan[d] = (int)Math.Round(after / total * count) - (int)Math.Round(before / total * count);
            before = after;
        }
        return plan;
    }

    /// <summary>A moment of <paramref name="day"/> (China date) a call comes in, by hour of day, not after <paramref name="notAfter"/>.</summary>
    public static DateTimeOffset TimeOn(DateOnly day, DateTimeOffset notAfter, Random random)
    {
        var start = ChinaTime.FromChinaWallClock(day.ToDateTime(TimeOnly.MinValue));
        var open = Math.Clamp((notAfter - start).TotalHours, 0, 24); // hours of the day that have passed
        var roll = random.NextDouble() * Passed(open);
        for (var h = 0; h < 24; h++)
        {
            var weight = Hours[h] * Math.Clamp(open - h, 0, 1);
            if (roll < weight || h == 23) return start.AddHours(h + Math.Clamp(roll / Hours[h], 0, Math.Clamp(open - h, 0, 1)));
            roll -= weight;
        }
        return start;
    }

    /// <summary>The share of a day's calls that came in before <paramref name="now"/> on its own China date.</summary>
    private static double PassedShare(DateTimeOffset now) => Passed(now.ToChina().TimeOfDay.TotalHours) / Hours.Sum();

    private static double Passed(double hours) => Enumerable.Range(0, 24).Sum(h => Hours[h] * Math.Clamp(hours - h, 0, 1));

    private static double[] Normalised(double[] values) => [.. values.Select(v => v / values.Average())];
}
