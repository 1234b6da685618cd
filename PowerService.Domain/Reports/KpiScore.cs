namespace PowerService.Domain.Reports;

/// <summary>The four KPIs of 投诉处理与绩效挂钩方案 (docs/domain.md §7).</summary>
public enum Kpi { Timeliness, Satisfaction, FirstTime, Revisit }

/// <summary>
/// How a KPI came out against its thresholds; the page colours by it. 扣分 and 未达标 lose points
/// without failing; 不合格 fails the item (satisfaction under its line, revisits under 100 %).
/// </summary>
public enum KpiVerdict { NoData, Pass, Reward, Deducted, BelowTarget, Fail }

/// <summary>One KPI of a scorecard: its rate (null without cases), the counts behind it, the points scored of its weight.</summary>
public sealed record KpiItem(Kpi Kpi, decimal? Rate, long Numerator, long Denominator, decimal Points, int Weight, KpiVerdict Verdict, long Overdue = 0);

/// <summary>A group's scorecard: the four items and their sum (null when nothing was measured).</summary>
public sealed record KpiScore(KpiItem Timeliness, KpiItem Satisfaction, KpiItem FirstTime, KpiItem Revisit, decimal? Composite)
{
    public IReadOnlyList<KpiItem> Items => [Timeliness, Satisfaction, FirstTime, Revisit];

    /// <summary>Scores counts under a policy. Points are kept to one decimal.</summary>
    public static KpiScore Of(KpiCounts c, KpiPolicy p)
    {
        var timeliness = TimelinessItem(c, p);
        var satisfaction = SatisfactionItem(c, p);
        var firstTime = FirstTimeItem(c, p);
        var revisit = RevisitItem(c, p);
        decimal? composite = c.Counted == 0 ? null : timeliness.Points + satisfaction.Points + firstTime.Points + revisit.Points;
        return new(timeliness, satisfaction, firstTime, revisit, composite);
    }

    /// <summary>−<see cref="KpiPolicy.OverduePenalty"/> per overdue case, down to 0.</summary>
    private static KpiItem TimelinessItem(KpiCounts c, KpiPolicy p)
    {
        var rate = c.TimelinessRate;
        var points = Math.Max(0, p.TimelinessWeight - p.OverduePenalty * c.Overdue);
        var verdict = c.Overdue > 0 ? KpiVerdict.Deducted : rate is null ? KpiVerdict.NoData : KpiVerdict.Pass;
        return new(Kpi.Timeliness, rate, c.Timely, c.Timely + c.Overdue, Round(points), p.TimelinessWeight, verdict, c.Overdue);
    }

    /// <summary>Weight × rate; under the fail line 0 (不合格); from the reward line the full weight (奖励).</summary>
    private static KpiItem SatisfactionItem(KpiCounts c, KpiPolicy p)
    {
        if (c.SatisfactionRate is not { } rate) return new(Kpi.Satisfaction, null, 0, 0, p.SatisfactionWeight, p.SatisfactionWeight, KpiVerdict.NoData);
        var (points, verdict) = rate < p.SatisfactionFailBelow ? (0m, KpiVerdict.Fail)
            : rate >= p.SatisfactionRewardFrom ? (p.SatisfactionWeight, KpiVerdict.Reward)
            : (p.SatisfactionWeight * rate, KpiVerdict.Pass);
        return new(Kpi.Satisfaction, rate, c.Satisfied, c.Rated, Round(points), p.SatisfactionWeight, verdict);
    }

    /// <summary>Full weight at or above target; below it −<see cref="KpiPolicy.FirstTimeStepPenalty"/> for each step (5 %) or part of one.</summary>
    private static KpiItem FirstTimeItem(KpiCounts c, KpiPolicy p)
    {
        if (c.FirstTimeRate is not { } rate) return new(Kpi.FirstTime, null, 0, 0, p.FirstTimeWeight, p.FirstTimeWeight, KpiVerdict.NoData);
        if (rate >= p.FirstTimeTarget) return new(Kpi.FirstTime, rate, c.FirstTime, c.Rated, p.FirstTimeWeight, p.FirstTimeWeight, KpiVerdict.Pass);
        var steps = Math.Ceiling((p.FirstTimeTarget - rate) / p.FirstTimeStep);
        var points = Math.Max(0, p.FirstTimeWeight - steps * p.FirstTimeStepPenalty);
        return new(Kpi.FirstTime, rate, c.FirstTime, c.Rated, Round(points), p.FirstTimeWeight, KpiVerdict.BelowTarget);
    }

    /// <summary>Full weight when every owed revisit was made (the required rate); otherwise 0 (不合格).</summary>
    private static KpiItem RevisitItem(KpiCounts c, KpiPolicy p)
    {
        if (c.RevisitRate is not { } rate) return new(Kpi.Revisit, null, 0, 0, p.RevisitWeight, p.RevisitWeight, KpiVerdict.NoData);
        return rate >= p.RevisitRequired
            ? new(Kpi.Revisit, rate, c.Revisited, c.RevisitOwed, p.RevisitWeight, p.RevisitWeight, KpiVerdict.Pass)
            : new(Kpi.Revisit, rate, c.Revisited, c.RevisitOwed, 0, p.RevisitWeight, KpiVerdict.Fail);
    }

    private static decimal Round(decimal points) => Math.Round(points, 1, MidpointRounding.AwayFromZero);
}
