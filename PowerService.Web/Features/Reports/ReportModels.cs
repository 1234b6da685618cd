using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;

namespace PowerService.Web.Features.Reports;

/// <summary>One scored group: the whole scope, a department, or a handler (with their department).</summary>
public sealed record ScoreRow(string Label, string? Department, string? HandlerId, KpiCounts Counts, KpiScore Score, ReportFilter Filter);

/// <summary>
/// The scorecard of a period: the scope's total against the previous period (环比) and the same period
/// last year (同比), each scored by the policy version in force then; then per department and per handler.
/// </summary>
public sealed record Scorecard(
    ReportPeriod Period,
    string? Department,
    DateTimeOffset AsOf,
    KpiPolicy Policy,
    ScoreRow Total,
    ScoreRow Previous,
    ScoreRow LastYear,
    IReadOnlyList<ScoreRow> Departments,
    IReadOnlyList<ScoreRow> Handlers,
    bool Incomplete)
{
    /// <summary>In a quarter, the department last in timeliness (季度末位约谈); null otherwise or when there is no contest.</summary>
    public string? LastInTimeliness =>
        Period.Kind == PeriodKind.Quarter && Departments.Count(d => d.Counts.TimelinessRate is not null) > 1
            ? Departments.Where(d => d.Counts.TimelinessRate is not null).MinBy(d => d.Counts.TimelinessRate)!.Department
            : null;
}

/// <summary>A breakdown's row: a group's label, its counts, and the filter behind them.</summary>
public sealed record BreakdownRow(string Label, KpiCounts Counts, ReportFilter Filter, decimal? PerTenThousandCustomers = null);

/// <summary>A count with the filter behind it (a breach clock, an escalation level, a root cause).</summary>
public sealed record CountRow(string Label, long Count, ReportFilter Filter);

public sealed record Breakdowns(
    ReportPeriod Period,
    DateTimeOffset AsOf,
    IReadOnlyList<BreakdownRow> ByCategory,
    IReadOnlyList<BreakdownRow> BySubCategory,
    IReadOnlyList<BreakdownRow> ByChannel,
    IReadOnlyList<BreakdownRow> ByUrgency,
    IReadOnlyList<BreakdownRow> ByDepartment,
    IReadOnlyList<BreakdownRow> ByHandler,
    IReadOnlyList<CountRow> ByEscalation,
    IReadOnlyList<CountRow> BreachesByClock,
    IReadOnlyList<CountRow> RootCauses,
    CountRow Reopened,
    long ImprovementActions,
    long ActionsPastDue)
{
    /// <summary>Forbidden service phrases written where customers read them in the period, by department, person and phrase.</summary>
    public WordingUse Wording { get; init; } = WordingUse.None;
}

/// <summary>A count without a list of complaints behind it.</summary>
public sealed record PlainCount(string Label, long Count);

/// <summary>服务忌语 in a period: how often, and where (docs/domain.md §6: 65 % of escalations trace back to wording).</summary>
public sealed record WordingUse(long Total, IReadOnlyList<PlainCount> ByDepartment, IReadOnlyList<PlainCount> ByPerson, IReadOnlyList<PlainCount> ByPhrase)
{
    public static WordingUse None { get; } = new(0, [], [], []);
}

/// <summary>One month of a trend: the month, its counts by category, and all together.</summary>
public sealed record TrendMonth(ReportPeriod Month, KpiCounts Counts, IReadOnlyDictionary<Category, long> ByCategory);

public sealed record Trend(IReadOnlyList<TrendMonth> Months, DateTimeOffset AsOf);

/// <summary>A row of the 12398 statistics: received, handled, handled in time, answered in writing, rated, satisfied.</summary>
public sealed record RegulatorRow(string Label, long Received, long Handled, long HandledInTime, long RepliedInWriting, long Rated, long Satisfied, ReportFilter Filter)
{
    public decimal? InTimeRate => KpiCounts.Ratio(HandledInTime, Handled);
    public decimal? SatisfactionRate => KpiCounts.Ratio(Satisfied, Rated);
}

/// <summary>The 12398 hotline statistics of a period in the regulator's layout: by category, then complaints by issue type and by department.</summary>
public sealed record RegulatorStatistics(ReportPeriod Period, DateTimeOffset AsOf, IReadOnlyList<RegulatorRow> ByCategory, RegulatorRow Total,
    IReadOnlyList<RegulatorRow> ComplaintsByIssue, IReadOnlyList<RegulatorRow> ComplaintsByDepartment);
