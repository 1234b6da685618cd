using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;
using PowerService.Domain.Staff;

namespace PowerService.Tests.Domain.Sampling;

/// <summary>The draw of each level: sizes (10 % rounded up, at least one), determinism, key cases, no duplicates, periods.</summary>
public sealed class SamplingDrawTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);
    private static readonly SamplingPeriod Week = SamplingPeriod.LastEnded(SamplingLevel.TeamWeekly, Now);
    private static readonly SamplingPeriod Month = SamplingPeriod.LastEnded(SamplingLevel.DepartmentMonthly, Now);
    private static readonly SamplingPeriod Quarter = SamplingPeriod.LastEnded(SamplingLevel.ThirdPartyQuarterly, Now);

    internal static List<SamplingCandidate> Population(int count, string department = "城区供电所", int from = 1) =>
        [.. Enumerable.Range(from, count).Select(i => new SamplingCandidate(i, $"TS20261101{i:D4}", department, Channel.Hotline95598, 0, false))];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(20, 2)]
    [InlineData(21, 3)]
    [InlineData(100, 10)]
    [InlineData(101, 11)]
    public void The_team_lead_takes_ten_percent_rounded_up_and_at_least_one(int population, int sampled)
    {
        Assert.Equal(sampled, SampleDraw.Size(population, SampleDraw.TeamPercent));
        Assert.Equal(sampled, SampleDraw.Draw(Week, "城区供电所", Population(population)).Count);
    }

    [Fact]
    public void Drawing_again_gives_the_same_sample_whatever_the_order_of_the_population()
    {
        var population = Population(57);
        var first = SampleDraw.Draw(Week, "城区供电所", population).Select(s => s.Case.Number).ToList();
        var shuffled = population.OrderBy(c => c.Number.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();

        Assert.Equal(first, SampleDraw.Draw(Week, "城区供电所", shuffled).Select(s => s.Case.Number));
        Assert.Equal(first, SampleDraw.Draw(Week, "城区供电所", population).Select(s => s.Case.Number));
        Assert.Equal(6, first.Count);
        // Another week (or level) is another seed: a different sample of the same complaints.
        Assert.NotEqual(first, SampleDraw.Draw(Week.Previous(), "城区供电所", population).Select(s => s.Case.Number));
    }

    [Fact]
    public void A_rank_is_the_same_on_every_machine_and_run()
    {
        // SHA-256, not string.GetHashCode (randomised per process): anyone can reproduce the sample from the rule.
        Assert.Equal(0x4ef9ed1756436c5fUL, SampleDraw.Rank("TeamWeekly|2026-W47|城区供电所", "TS202611160001"));
        Assert.Equal("TeamWeekly|2026-W47|城区供电所", SampleDraw.Seed(SamplingPeriod.Parse(SamplingLevel.TeamWeekly, "2026-W47")!, "城区供电所"));
    }

    [Fact]
    public void No_complaint_is_sampled_twice_even_when_listed_twice()
    {
        var population = Population(30).Concat(Population(30)).ToList();

        var drawn = SampleDraw.Draw(Week, "城区供电所", population);

        Assert.Equal(3, drawn.Count);
        Assert.Equal(drawn.Count, drawn.Select(d => d.Case.ComplaintId).Distinct().Count());
    }

    [Fact]
    public void The_department_always_takes_its_key_cases_and_five_percent_of_the_rest()
    {
        var population = Population(40);
        population[3] = population[3] with { Channel = Channel.Regulator12398 };
        population[7] = population[7] with { Channel = Channel.Media, ReopenCount = 1 };
        population[11] = population[11] with { ReopenCount = 2 };
        population[19] = population[19] with { Escalated = true };
        population[23] = population[23] with { Channel = Channel.Government12345 };

        var drawn = SampleDraw.Draw(Month, "城区供电所", population);

        var key = drawn.Where(d => d.Key != KeyReason.None).ToList();
        Assert.Equal(5, key.Count);
        Assert.Equal(KeyReason.WatchedChannel | KeyReason.Reopened, key.Single(k => k.Case.ComplaintId == 8).Key);
        Assert.Equal(KeyReason.Escalated, key.Single(k => k.Case.ComplaintId == 20).Key);
        Assert.Equal(2, drawn.Count(d => d.Key == KeyReason.None)); // 5 % of 35, rounded up
        Assert.Equal("12398/12345/媒体渠道、回访不满意重新处理", PowerService.Domain.Labels.Of(KeyReason.WatchedChannel | KeyReason.Reopened));
    }

    [Fact]
    public void A_month_of_key_cases_only_is_sampled_whole_and_an_empty_one_not_at_all()
    {
        var keyOnly = Population(3).Select(c => c with { ReopenCount = 1 }).ToList();
        Assert.Equal(3, SampleDraw.Draw(Month, "城区供电所", keyOnly).Count);
        Assert.Empty(SampleDraw.Draw(Month, "城区供电所", []));
        Assert.Single(SampleDraw.Draw(Quarter, "", Population(1)));
    }

    [Fact]
    public void Periods_are_china_weeks_months_and_quarters_with_readable_keys()
    {
        // 2026-11-23 01:30 UTC is Monday 09:30 in China: last week is 16–22 November.
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (Week.First, Week.Last));
        Assert.Equal("2026-W47", Week.Slug);
        Assert.Equal("2026年第47周（11月16日–11月22日）", Week.Label);
        Assert.Equal(("2026-10", "2026-Q3"), (Month.Slug, Quarter.Slug));
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 16, 0, 0, TimeSpan.Zero), Week.From);
        Assert.True(Week.HasEnded(Week.To));
        Assert.False(Week.HasEnded(Week.To.AddTicks(-1)));
        foreach (var p in new[] { Week, Month, Quarter, SamplingPeriod.Parse(SamplingLevel.TeamWeekly, "2027-W01")! })
            Assert.Equal(p, SamplingPeriod.Parse(p.Level, p.Slug));
        Assert.Null(SamplingPeriod.Parse(SamplingLevel.TeamWeekly, "2026-W54"));
        Assert.Null(SamplingPeriod.Parse(SamplingLevel.DepartmentMonthly, "2026-Q3"));
        Assert.Equal(new DateOnly(2026, 12, 28), SamplingPeriod.Parse(SamplingLevel.TeamWeekly, "2026-W53")!.First);
        Assert.Equal(["2026-W47", "2026-W46", "2026-W45"], SamplingPeriod.RecentEnded(SamplingLevel.TeamWeekly, Now, 3).Select(p => p.Slug));
    }

    [Fact]
    public void A_batch_is_drawn_only_after_its_period_and_only_by_someone_who_may()
    {
        var manager = new Actor("m2", "吴刚");
        var own = new Workplace("城区供电所");
        var population = Population(12);

        var drawn = SampleBatch.Draw(Week, "城区供电所", population, manager, [StaffRole.Manager], own, Now);
        Assert.True(drawn.Succeeded);
        Assert.Equal((12, 2, "2026-W47"), (drawn.Value!.Population, drawn.Value.Items.Count, drawn.Value.Period));
        Assert.All(drawn.Value.Items, i => Assert.Equal((SamplingLevel.TeamWeekly, "城区供电所"), (i.Level, i.Department)));

        var current = SamplingPeriod.Containing(SamplingLevel.TeamWeekly, new DateOnly(2026, 11, 23));
        Assert.Equal("2026年第48周（11月23日–11月29日）尚未结束，结束后才能抽取样本",
            SampleBatch.Draw(current, "城区供电所", population, manager, [StaffRole.Manager], own, Now).Outcome.Reasons.Single());
        Assert.Equal("您只能抽取本部门（运维检修部）的样本",
            SampleBatch.Draw(Week, "城区供电所", population, manager, [StaffRole.Manager], new Workplace("运维检修部"), Now).Outcome.Reasons.Single());
        Assert.Equal("只有管理人员可以抽取样本", SampleBatch.Draw(Week, "城区供电所", population, manager, [StaffRole.Handler], own, Now).Outcome.Reasons.Single());
        Assert.Equal("第三方调查样本覆盖全公司，只能由公司级管理人员抽取",
            SampleBatch.Draw(Quarter, "", population, manager, [StaffRole.Manager], own, Now).Outcome.Reasons.Single());
        Assert.True(SampleBatch.Draw(Quarter, "", population, StaffRoles.SystemActor, [StaffRole.System], null, Now).Succeeded);
    }
}
