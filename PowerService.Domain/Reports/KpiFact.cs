namespace PowerService.Domain.Reports;

/// <summary>
/// A fact a report counts of a complaint (the terms of <see cref="KpiCounts"/>), and their complements
/// a manager drills into to see what went wrong. A report's number and the list behind it are both
/// the complaints of one period and scope that have the fact.
/// </summary>
public enum KpiFact
{
    Received, Counted, Withdrawn, Merged, Reclassified, Open,
    Timely, Overdue,

    /// <summary>Timely or overdue: the timeliness rate's whole (a case still within its limits is in neither).</summary>
    Judged,

    Rated, Satisfied, NotSatisfied, FirstTime, NotFirstTime,
    RevisitOwed, Revisited, NotRevisited, Resolved, Reopened,

    /// <summary>12398: handled (resolved, or ended as withdrawn or not a complaint), handled within the handling limit, answered in writing.</summary>
    Handled, HandledInTime, RepliedInWriting,
}
