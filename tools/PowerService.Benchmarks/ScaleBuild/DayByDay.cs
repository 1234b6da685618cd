using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>A generated complaint with what the deadline watcher adds to it (see <see cref="WatcherCatchUp"/>).</summary>
internal sealed record GeneratedComplaint(Complaint Complaint, List<SlaAlert> Alerts, DateTimeOffset? NextCheck);

/// <summary>
/// The demo's history at scale: the demo generator's <see cref="DemoComplaints.History"/> spreads the
/// complaints over every day from <see cref="FirstDay"/> to now with the seasons' volumes (summer
/// outages, the days after billing, quiet holidays), each carried through the loop as far as its age
/// allows — so old complaints are closed and the open ones are recent, as in the app's demo — then
/// brought to the state the deadline watcher would have left it in now.
/// </summary>
internal sealed class DayByDay(DemoComplaints demo, DateTimeOffset now, ClockThresholds thresholds, Func<string, SlaSchedule> scheduleOf)
{
    /// <summary>The shipped working calendars cover 2025 and 2026; no generated day goes before them.</summary>
    public static readonly DateOnly FirstDay = DemoSeason.FirstDay;

    /// <summary>
    /// The busiest day of the seasons (a billing day in a summer storm week) takes up to about 3 times
    /// the average day; a quarter of a date's numbers on average leaves room for it (and the generator
    /// refuses a plan whose busiest date would run out of numbers).
    /// </summary>
    public const int BusiestDayFactor = 4;

    public static int DaysUntil(DateTimeOffset now) => now.ChinaDate().DayNumber - FirstDay.DayNumber + 1;

    public IEnumerable<GeneratedComplaint> Generate(int count)
    {
        foreach (var complaint in demo.History(FirstDay, count))
        {
            var (alerts, next) = WatcherCatchUp.Apply(complaint, now, thresholds, scheduleOf);
            yield return new GeneratedComplaint(complaint, alerts, next);
        }
    }
}
