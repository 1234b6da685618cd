namespace PowerService.Domain.Reports;

/// <summary>A KPI's rule in words, as the report page and the PDF print it beside the numbers.</summary>
public sealed record KpiRule(Kpi Kpi, string Name, int Weight, string Formula, string Scoring);

/// <summary>The formulas of <see cref="KpiCounts"/> and <see cref="KpiScore"/>, said in Chinese under a given policy.</summary>
public static class KpiRules
{
    public const string Attribution =
        "统计口径：按受理时间（中国时间 0 点为界）计入统计期；已撤诉、已合并、转为非投诉的件计入受理量，但不计入四项指标。"
        + "逾期按报表生成时刻判断：尚在运行的时钟已过时限即计为超时。";

    public static IReadOnlyList<KpiRule> Describe(KpiPolicy p) =>
    [
        new(Kpi.Timeliness, Labels.Of(Kpi.Timeliness), p.TimelinessWeight,
            "按时件数 ÷（按时件数 + 超时件数）。按时：首次响应、联系客户、处理时限全部按时完成；超时：任一时限超期完成或已超期仍未完成；尚未到期的在办件不计。",
            $"满分 {p.TimelinessWeight} 分，每件超时扣 {p.OverduePenalty:0.#} 分，扣完为止；季度末位的部门约谈。"),
        new(Kpi.Satisfaction, Labels.Of(Kpi.Satisfaction), p.SatisfactionWeight,
            "（满意 + 基本满意）÷ 回访联系到客户的件数，以第一次联系到客户的回访为准（不满意的回访会使投诉重新处理，办结时客户总是满意的，所以不以最后一次为准）；未联系到客户的回访不计。",
            $"得分 = {p.SatisfactionWeight} × 满意度；低于 {Percent(p.SatisfactionFailBelow)} 不合格记 0 分；达到 {Percent(p.SatisfactionRewardFrom)} 记满分并奖励。"),
        new(Kpi.FirstTime, Labels.Of(Kpi.FirstTime), p.FirstTimeWeight,
            "回访中从未因客户不满意而重新处理的件数 ÷ 回访联系到客户的件数。",
            $"目标 {Percent(p.FirstTimeTarget)}，达到记满分 {p.FirstTimeWeight} 分；每低 {Percent(p.FirstTimeStep)}（不足一档按一档）扣 {p.FirstTimeStepPenalty:0.#} 分；连续 3 个月达标奖励。"),
        new(Kpi.Revisit, Labels.Of(Kpi.Revisit), p.RevisitWeight,
            "已回访（联系到客户）件数 ÷ 应回访件数；应回访：已解决且首次回访时限（解决后 24 小时）已到或已回访。",
            $"须达到 {Percent(p.RevisitRequired)}，达到记满分 {p.RevisitWeight} 分，否则不合格记 0 分并暂停处理资格。"),
    ];

    public static string Percent(decimal fraction) => $"{fraction * 100:0.#}%";
}
