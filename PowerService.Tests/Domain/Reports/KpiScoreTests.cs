using PowerService.Domain.Reports;

namespace PowerService.Tests.Domain.Reports;

/// <summary>The scoring of 投诉处理与绩效挂钩方案 (30 / 40 / 20 / 10) on hand-computed counts.</summary>
public sealed class KpiScoreTests
{
    private static KpiCounts Counts(long timely = 100, long overdue = 0, long rated = 100, long satisfied = 100, long firstTime = 100, long owed = 100, long revisited = 100) => new()
    {
        Received = timely + overdue, Counted = timely + overdue, Timely = timely, Overdue = overdue,
        Rated = rated, Satisfied = satisfied, FirstTime = firstTime, RevisitOwed = owed, Revisited = revisited,
    };

    private static KpiScore Score(KpiCounts counts) => KpiScore.Of(counts, KpiPolicy.Default);

    [Fact]
    public void A_perfect_group_scores_100_with_satisfaction_rewarded()
    {
        var score = Score(Counts());
        Assert.Equal(100m, score.Composite);
        Assert.Equal(KpiVerdict.Reward, score.Satisfaction.Verdict);
    }

    [Theory]
    [InlineData(1, 28)]
    [InlineData(3, 24)]
    [InlineData(15, 0)]
    [InlineData(40, 0)] // never below zero
    public void Each_overdue_case_costs_two_points_of_timeliness(long overdue, double points)
    {
        var item = Score(Counts(overdue: overdue)).Timeliness;
        Assert.Equal((decimal)points, item.Points);
        Assert.Equal(KpiVerdict.Deducted, item.Verdict);
    }

    [Theory]
    [InlineData(84, 0, KpiVerdict.Fail)]       // under 85 % fails
    [InlineData(85, 34, KpiVerdict.Pass)]      // 40 × 85 %
    [InlineData(90, 36, KpiVerdict.Pass)]
    [InlineData(94, 37.6, KpiVerdict.Pass)]
    [InlineData(95, 40, KpiVerdict.Reward)]    // from 95 % rewarded, full weight
    public void Satisfaction_scores_its_weight_times_the_rate_between_the_fail_and_reward_lines(long satisfied, double points, KpiVerdict verdict)
    {
        var item = Score(Counts(satisfied: satisfied)).Satisfaction;
        Assert.Equal(((decimal)points, verdict), (item.Points, item.Verdict));
    }

    [Theory]
    [InlineData(80, 20, KpiVerdict.Pass)]
    [InlineData(79, 19, KpiVerdict.BelowTarget)] // a part of a 5 % step counts as a step
    [InlineData(75, 19, KpiVerdict.BelowTarget)]
    [InlineData(72, 18, KpiVerdict.BelowTarget)]
    [InlineData(0, 4, KpiVerdict.BelowTarget)]   // 16 steps below
    public void First_time_resolution_loses_a_point_per_5_percent_below_the_80_percent_target(long firstTime, double points, KpiVerdict verdict)
    {
        var item = Score(Counts(firstTime: firstTime)).FirstTime;
        Assert.Equal(((decimal)points, verdict), (item.Points, item.Verdict));
    }

    [Fact]
    public void A_revisit_rate_under_100_percent_fails_the_item()
    {
        var item = Score(Counts(revisited: 99)).Revisit;
        Assert.Equal((0m, KpiVerdict.Fail), (item.Points, item.Verdict));
    }

    [Fact]
    public void The_composite_is_the_sum_of_the_items()
    {
        var score = Score(Counts(overdue: 2, satisfied: 90, firstTime: 72, revisited: 100));
        Assert.Equal(26m + 36m + 18m + 10m, score.Composite);
    }

    [Fact]
    public void Without_cases_an_item_keeps_its_weight_and_says_so_and_an_empty_group_has_no_composite()
    {
        var none = Score(KpiCounts.Zero);
        Assert.Null(none.Composite);
        Assert.All(none.Items.Skip(1), i => Assert.Equal(KpiVerdict.NoData, i.Verdict));
    }

    [Fact]
    public void A_policy_whose_weights_do_not_add_up_to_100_is_refused_in_chinese()
    {
        var errors = (KpiPolicy.Default with { RevisitWeight = 20 }).Check();
        Assert.Contains(errors, e => e.Message.Contains("四项权重之和须为 100"));
        Assert.Empty(KpiPolicy.Default.Check());
    }

    [Fact]
    public void A_period_is_scored_by_the_version_in_force_on_its_first_day()
    {
        var v2 = KpiPolicy.Default with { Version = 2, EffectiveFrom = new DateOnly(2026, 11, 1), SatisfactionWeight = 50, RevisitWeight = 0 };
        Assert.Equal(1, KpiPolicy.InForce([KpiPolicy.Default, v2], new DateOnly(2026, 10, 1)).Version);
        Assert.Equal(2, KpiPolicy.InForce([KpiPolicy.Default, v2], new DateOnly(2026, 11, 1)).Version);
    }
}
