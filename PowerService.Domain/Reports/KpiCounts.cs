using PowerService.Domain.Complaints;

namespace PowerService.Domain.Reports;

/// <summary>
/// The counts every KPI is a ratio of, for one group of complaints (a department, a handler, a
/// period) as read at one instant. The database computes the same counts with the same rules
/// (ReportQueries); <see cref="Of"/> is the from-scratch definition the tests hold it to.
/// </summary>
public sealed record KpiCounts
{
    /// <summary>Every complaint received in the period, whatever became of it.</summary>
    public long Received { get; init; }
    public long Withdrawn { get; init; }
    public long Merged { get; init; }
    public long Reclassified { get; init; }

    /// <summary>Received, less withdrawn, merged and reclassified: what the KPIs are measured on.</summary>
    public long Counted { get; init; }

    /// <summary>Counted and still in the loop.</summary>
    public long Open { get; init; }

    /// <summary>Counted, every response, contact and handling clock done, none late.</summary>
    public long Timely { get; init; }

    /// <summary>Counted, some response, contact or handling clock late (ended late, or running past its due time).</summary>
    public long Overdue { get; init; }

    /// <summary>Counted and reached at a revisit, so the customer's satisfaction is known.</summary>
    public long Rated { get; init; }

    /// <summary>Rated, and the first revisit that reached the customer found them satisfied or fairly satisfied.</summary>
    public long Satisfied { get; init; }

    /// <summary>Rated, and never re-opened by a dissatisfied revisit.</summary>
    public long FirstTime { get; init; }

    /// <summary>Counted, resolved, and the first revisit has fallen due (or been made).</summary>
    public long RevisitOwed { get; init; }

    /// <summary>Owed a revisit and reached at one.</summary>
    public long Revisited { get; init; }

    /// <summary>Counted and resolved (at least once).</summary>
    public long Resolved { get; init; }

    /// <summary>Re-opened at least once by a dissatisfied revisit.</summary>
    public long Reopened { get; init; }

    public long HandlingMeasured { get; init; }
    public long HandlingMinutes { get; init; }

    public static KpiCounts Zero { get; } = new();

    public decimal? TimelinessRate => Ratio(Timely, Timely + Overdue);
    public decimal? SatisfactionRate => Ratio(Satisfied, Rated);
    public decimal? FirstTimeRate => Ratio(FirstTime, Rated);
    public decimal? RevisitRate => Ratio(Revisited, RevisitOwed);

    /// <summary>Average working hours from receipt to (the latest) resolution, one decimal.</summary>
    public decimal? AverageHandlingHours => HandlingMeasured == 0 ? null : Math.Round(HandlingMinutes / 60m / HandlingMeasured, 1);

    public static decimal? Ratio(long part, long whole) => whole == 0 ? null : (decimal)part / whole;

    /// <summary>The counts of some complaints' measures as read at <paramref name="now"/>: the rules, one complaint at a time.</summary>
    public static KpiCounts Of(IEnumerable<ComplaintMeasure> measures, DateTimeOffset now) =>
        measures.Aggregate(Zero, (sum, m) => sum + One(m, now));

    /// <summary>One complaint's contribution.</summary>
    public static KpiCounts One(ComplaintMeasure m, DateTimeOffset now)
    {
        if (!m.IsCounted)
            return new()
            {
                Received = 1,
                Withdrawn = m.Stage == Stage.Withdrawn ? 1 : 0,
                Merged = m.Stage == Stage.Merged ? 1 : 0,
                Reclassified = m.Stage == Stage.Reclassified ? 1 : 0,
            };
        var overdue = m.OverdueAt <= now;
        var rated = m.FirstSatisfaction is not null;
        var owed = m.RevisitedAt is not null || m.RevisitOwedAt <= now;
        return new()
        {
            Received = 1,
            Counted = 1,
            Open = m.Stage.IsOpen() ? 1 : 0,
            Timely = !m.TimelinessOpen && m.OverdueAt is null ? 1 : 0,
            Overdue = overdue ? 1 : 0,
            Rated = rated ? 1 : 0,
            Satisfied = m.FirstSatisfaction is Satisfaction.Satisfied or Satisfaction.FairlySatisfied ? 1 : 0,
            FirstTime = rated && m.ReopenCount == 0 ? 1 : 0,
            RevisitOwed = m.ResolvedAt is not null && owed ? 1 : 0,
            Revisited = m.ResolvedAt is not null && m.RevisitedAt is not null ? 1 : 0,
            Resolved = m.ResolvedAt is not null ? 1 : 0,
            Reopened = m.ReopenCount > 0 ? 1 : 0,
            HandlingMeasured = m.HandlingMinutes is null ? 0 : 1,
            HandlingMinutes = m.HandlingMinutes ?? 0,
        };
    }

    public static KpiCounts operator +(KpiCounts a, KpiCounts b) => new()
    {
        Received = a.Received + b.Received,
        Withdrawn = a.Withdrawn + b.Withdrawn,
        Merged = a.Merged + b.Merged,
        Reclassified = a.Reclassified + b.Reclassified,
        Counted = a.Counted + b.Counted,
        Open = a.Open + b.Open,
        Timely = a.Timely + b.Timely,
        Overdue = a.Overdue + b.Overdue,
        Rated = a.Rated + b.Rated,
        Satisfied = a.Satisfied + b.Satisfied,
        FirstTime = a.FirstTime + b.FirstTime,
        RevisitOwed = a.RevisitOwed + b.RevisitOwed,
        Revisited = a.Revisited + b.Revisited,
        Resolved = a.Resolved + b.Resolved,
        Reopened = a.Reopened + b.Reopened,
        HandlingMeasured = a.HandlingMeasured + b.HandlingMeasured,
        HandlingMinutes = a.HandlingMinutes + b.HandlingMinutes,
    };
}
