using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>A generated complaint with what the deadline watcher adds to it (see <see cref="WatcherCatchUp"/>).</summary>
internal sealed record GeneratedComplaint(Complaint Complaint, List<SlaAlert> Alerts, DateTimeOffset? NextCheck);

/// <summary>
/// Spreads the complaints over every day from <see cref="FirstDay"/> to today: the demo generator
/// runs once per day with that day (at the current time of day) as its "now", so each complaint
/// ages relative to its own day and stays in whatever stage the generator chose for it then —
/// a real backlog, not 200 fresh cases repeated. One generator serves all days, so the complaint
/// numbers' daily sequences never collide.
/// </summary>
internal sealed class DayByDay(DemoComplaints demo, DateTimeOffset now, ClockThresholds thresholds, Func<string, SlaSchedule> scheduleOf)
{
    /// <summary>The shipped working calendars cover 2025 and 2026; no generated day goes before them.</summary>
    public static readonly DateOnly FirstDay = new(2025, 1, 2);

    public static int DaysUntil(DateTimeOffset now) => now.ChinaDate().DayNumber - FirstDay.DayNumber + 1;

    public IEnumerable<GeneratedComplaint> Generate(int count)
    {
        var days = DaysUntil(now);
        for (var day = 0; day < days; day++)
        {
            // An even share per day, the remainder spread so the total is exact.
            var share = (int)((long)(day + 1) * count / days - (long)day * count / days);
            demo.Now = now.AddDays(day - (days - 1)); // the last day is now itself
            foreach (var complaint in demo.Create(share))
            {
                var (alerts, next) = WatcherCatchUp.Apply(complaint, now, thresholds, scheduleOf);
                yield return new GeneratedComplaint(complaint, alerts, next);
            }
        }
    }
}
