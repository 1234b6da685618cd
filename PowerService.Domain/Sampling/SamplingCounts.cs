namespace PowerService.Domain.Sampling;

/// <summary>
/// What the managers' reports count of sampled revisits, for one group (a level, a batch, a department):
/// the ratios are the formulas, here once; <see cref="Of"/> is the from-scratch definition.
/// </summary>
public sealed record SamplingCounts
{
    /// <summary>Complaints drawn.</summary>
    public long Sampled { get; init; }

    /// <summary>Drawn and their result recorded (reached or not).</summary>
    public long Recorded { get; init; }

    /// <summary>Recorded and the customer reached.</summary>
    public long Reached { get; init; }

    /// <summary>Reached and satisfied or fairly satisfied.</summary>
    public long Satisfied { get; init; }

    /// <summary>Reached and the customer confirms the problem was really solved.</summary>
    public long Resolved { get; init; }

    /// <summary>Problems found (each on the follow-up list).</summary>
    public long ProblemsFound { get; init; }

    /// <summary>Problems found and confirmed fixed.</summary>
    public long ProblemsFixed { get; init; }

    /// <summary>Problems still open past their due date at the given day.</summary>
    public long ProblemsOverdue { get; init; }

    public static SamplingCounts Zero { get; } = new();

    /// <summary>抽查完成率: recorded ÷ sampled.</summary>
    public decimal? CompletionRate => Ratio(Recorded, Sampled);

    /// <summary>联系成功率: reached ÷ recorded.</summary>
    public decimal? ReachRate => Ratio(Reached, Recorded);

    /// <summary>抽查满意率: satisfied ÷ reached.</summary>
    public decimal? SatisfactionRate => Ratio(Satisfied, Reached);

    /// <summary>问题真实解决率: resolved ÷ reached.</summary>
    public decimal? ResolvedRate => Ratio(Resolved, Reached);

    /// <summary>问题整改率: fixed ÷ found.</summary>
    public decimal? FixRate => Ratio(ProblemsFixed, ProblemsFound);

    public static decimal? Ratio(long part, long whole) => whole == 0 ? null : (decimal)part / whole;

    public static SamplingCounts One(SampledRevisit item, DateOnly today) => new()
    {
        Sampled = 1,
        Recorded = item.Result is null ? 0 : 1,
        Reached = item.Result is { Reached: true } ? 1 : 0,
        Satisfied = item.Result is { IsSatisfied: true } ? 1 : 0,
        Resolved = item.Result is { IsResolved: true } ? 1 : 0,
        ProblemsFound = item.FollowUp is null ? 0 : 1,
        ProblemsFixed = item.FollowUp is { IsFixed: true } ? 1 : 0,
        ProblemsOverdue = item.FollowUp?.IsOverdue(today) == true ? 1 : 0,
    };

    public static SamplingCounts Of(IEnumerable<SampledRevisit> items, DateOnly today) =>
        items.Aggregate(Zero, (sum, i) => sum + One(i, today));

    public static SamplingCounts operator +(SamplingCounts a, SamplingCounts b) => new()
    {
        Sampled = a.Sampled + b.Sampled,
        Recorded = a.Recorded + b.Recorded,
        Reached = a.Reached + b.Reached,
        Satisfied = a.Satisfied + b.Satisfied,
        Resolved = a.Resolved + b.Resolved,
        ProblemsFound = a.ProblemsFound + b.ProblemsFound,
        ProblemsFixed = a.ProblemsFixed + b.ProblemsFixed,
        ProblemsOverdue = a.ProblemsOverdue + b.ProblemsOverdue,
    };

    /// <summary>The formulas in words, for the report page and the workbook.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        $"抽样：班组长每周抽取各部门当周办结投诉的 {SampleDraw.TeamPercent}%，部门每月抽取全部重点投诉（12398、12345、媒体舆情渠道，回访不满意重新处理过的，升级处理过的）并随机抽取其余办结投诉的 {SampleDraw.DepartmentRandomPercent}%，第三方每季度抽取全公司办结投诉的 {SampleDraw.ThirdPartyPercent}%；比例向上取整，有办结投诉时至少抽 1 件。",
        "抽查完成率 = 已登记结果的件数 ÷ 抽取件数；联系成功率 = 联系到客户的件数 ÷ 已登记件数。",
        "抽查满意率 =（满意 + 基本满意）÷ 联系到客户的件数；问题真实解决率 = 客户确认问题确已解决的件数 ÷ 联系到客户的件数。",
        "问题整改率 = 已核实整改完成的问题 ÷ 发现的问题；逾期未整改 = 整改期限已过仍未核实完成的问题。",
        "统计期：抽样期间的最后一天落在报表期间内的批次（周抽查按周日所在月份）；部门范围按投诉办结时所在部门。",
    ];
}
