using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;
using PowerService.Domain.Staff;

namespace PowerService.Tests.Domain.Sampling;

/// <summary>Recording a sampled revisit: who may, the rules at each field, once only, and the follow-up list.</summary>
public sealed class SampledRevisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Wu = new("m2", "吴刚"), Zhao = new("m1", "赵敏"), Admin = new("a", "系统管理员");
    private static readonly Workplace Field = new("运维检修部"), Company = new("客户服务中心", CompanyLevel: true);

    internal static readonly SampleResultInput Satisfied = new(RevisitMethod.Phone, true, Satisfaction.Satisfied, true, "客户表示抢修及时", false, null, null, null);

    private static SampledRevisit Item(SamplingLevel level = SamplingLevel.TeamWeekly)
    {
        var period = SamplingPeriod.LastEnded(level, Now);
        var batch = SampleBatch.Draw(period, level == SamplingLevel.ThirdPartyQuarterly ? "" : "运维检修部",
            SamplingDrawTests.Population(5, "运维检修部"), StaffRoles.SystemActor, [StaffRole.System], null, Now).Value!;
        return batch.Items[0];
    }

    [Fact]
    public void A_manager_of_the_department_records_the_result_once_and_a_second_is_told_whose_stands()
    {
        var item = Item();

        Assert.True(item.Record(Satisfied, Wu, [StaffRole.Manager], Field, Now).Succeeded);
        Assert.Equal((1, true, FollowUpState.None), (item.Revision, item.Result!.IsResolved, item.FollowUpState));
        Assert.Equal("该抽查回访已由吴刚于 2026-11-23 09:30 登记，您的结果未保存",
            item.Record(Satisfied, Zhao, [StaffRole.Manager], Company, Now).Reasons.Single());
    }

    [Fact]
    public void Role_and_department_both_decide_who_records_each_level()
    {
        Assert.Equal("“班组长周抽查”只能由管理人员登记", Item().Record(Satisfied, new("h", "周杰"), [StaffRole.Handler], Field, Now).Reasons.Single());
        Assert.Equal("您只能登记本部门（城区供电所）的抽查回访；该投诉属于运维检修部",
            Item(SamplingLevel.DepartmentMonthly).Record(Satisfied, new("m3", "某"), [StaffRole.Manager], new Workplace("城区供电所"), Now).Reasons.Single());
        Assert.True(Item(SamplingLevel.DepartmentMonthly).Record(Satisfied, Zhao, [StaffRole.Manager], Company, Now).Succeeded);

        Assert.Equal("第三方调查结果只能由公司级管理人员或系统管理员登记",
            Item(SamplingLevel.ThirdPartyQuarterly).Record(Satisfied, Wu, [StaffRole.Manager], Field, Now).Reasons.Single());
        Assert.True(Item(SamplingLevel.ThirdPartyQuarterly).Record(Satisfied, Admin, [StaffRole.Admin], new Workplace("信息中心"), Now).Succeeded);
        Assert.True(Item(SamplingLevel.ThirdPartyQuarterly).Record(Satisfied, Zhao, [StaffRole.Manager], Company, Now).Succeeded);
        Assert.Equal("“班组长周抽查”只能由管理人员登记", Item().Record(Satisfied, Admin, [StaffRole.Admin], new Workplace("信息中心"), Now).Reasons.Single());

        Assert.Equal([SamplingLevel.ThirdPartyQuarterly], SamplingPermissions.LevelsFor([StaffRole.Admin]));
        Assert.Empty(SamplingPermissions.LevelsFor([StaffRole.Trainer]));
        Assert.False(SamplingPermissions.MayView(SamplingLevel.TeamWeekly, "运维检修部", [StaffRole.Manager], new Workplace("城区供电所")));
        Assert.True(SamplingPermissions.MayView(SamplingLevel.ThirdPartyQuarterly, "运维检修部", [StaffRole.Manager], Field));
    }

    [Fact]
    public void Each_missing_or_wrong_value_is_refused_at_its_field_in_chinese()
    {
        var errors = Item().Record(new SampleResultInput(null, null, null, null, null, false, null, null, null), Wu, [StaffRole.Manager], Field, Now).Errors;
        Assert.Equal([("Method", "请选择回访方式"), ("Reached", "请选择是否联系到客户")], errors.Select(e => (e.Field, e.Message)));

        errors = Item().Record(Satisfied with { Satisfaction = null, Resolved = null }, Wu, [StaffRole.Manager], Field, Now).Errors;
        Assert.Equal(["Satisfaction", "Resolved"], errors.Select(e => e.Field));

        errors = Item().Record(Satisfied with { Reached = false }, Wu, [StaffRole.Manager], Field, Now).Errors;
        Assert.Equal(["未联系到客户时不能记录满意度", "未联系到客户时无法确认问题是否解决"], errors.Select(e => e.Message));

        errors = Item().Record(Satisfied with { Resolved = false }, Wu, [StaffRole.Manager], Field, Now).Errors;
        Assert.Equal(("ProblemFound", "客户不满意或问题未解决时，须登记发现的问题并指定整改责任人"), (errors.Single().Field, errors.Single().Message));

        errors = Item().Record(Satisfied with { ProblemFound = true, Problem = "短", Owner = "<b>x</b>", DueDate = Today.AddDays(-1) }, Wu, [StaffRole.Manager], Field, Now).Errors;
        Assert.Equal([("Problem", "请描述发现的问题（至少 4 个字）"), ("Owner", "责任人须为姓名（不超过 50 字）"), ("DueDate", "整改期限不能早于今天")],
            errors.Select(e => (e.Field, e.Message)));
        Assert.Equal("请填写整改期限", Item().Record(Satisfied with { ProblemFound = true, Problem = "抢修后线路仍有异响", Owner = "周杰" }, Wu, [StaffRole.Manager], Field, Now).Reasons.Single());
        Assert.Equal("回访记录只能是纯文本，不能包含 HTML 标记、控制字符或表情符号", Item().Record(Satisfied with { Notes = "<script>" }, Wu, [StaffRole.Manager], Field, Now).Reasons.Single());
    }

    [Fact]
    public void A_customer_not_reached_is_a_result_too()
    {
        var item = Item();
        Assert.True(item.Record(new SampleResultInput(RevisitMethod.Phone, false, null, null, "三次未接通", false, null, null, null), Wu, [StaffRole.Manager], Field, Now).Succeeded);
        Assert.Equal(new SamplingCounts { Sampled = 1, Recorded = 1 }, SamplingCounts.One(item, Today));
    }

    [Fact]
    public void A_problem_found_goes_on_the_list_with_owner_and_due_date_and_the_next_round_confirms_it_fixed()
    {
        var item = Item();
        var found = new SampleResultInput(RevisitMethod.Visit, true, Satisfaction.Dissatisfied, false, "客户称电压仍不稳", true, "电压仍偏低，需复测", "周杰", Today.AddDays(14));

        Assert.True(item.Record(found, Wu, [StaffRole.Manager], Field, Now).Succeeded);
        Assert.Equal((FollowUpState.Open, "周杰", Today.AddDays(14)), (item.FollowUpState, item.FollowUp!.Owner, item.FollowUp.DueDate));
        Assert.False(item.FollowUp.IsOverdue(Today.AddDays(14)));
        Assert.True(item.FollowUp.IsOverdue(Today.AddDays(15)));

        Assert.Equal("请写明核实整改的情况（4–1000 字，纯文本）", item.ConfirmFixed("好", Wu, [StaffRole.Manager], Field, Now).Reasons.Single());
        Assert.Equal("您只能确认本部门（城区供电所）问题的整改；该问题属于运维检修部",
            item.ConfirmFixed("已复测正常", new("x", "某"), [StaffRole.Manager], new Workplace("城区供电所"), Now).Reasons.Single());
        Assert.True(item.ConfirmFixed("已更换配变，复测电压正常", Wu, [StaffRole.Manager], Field, Now.AddDays(7)).Succeeded);
        Assert.Equal(FollowUpState.Fixed, item.FollowUpState);
        Assert.Equal("该问题已由吴刚于 2026-11-30 09:30 确认整改完成", item.ConfirmFixed("再次确认", Zhao, [StaffRole.Manager], Company, Now).Reasons.Single());
        Assert.Equal("该抽查回访没有登记需要整改的问题", Item().ConfirmFixed("已复测正常", Wu, [StaffRole.Manager], Field, Now).Reasons.Single());
    }

    [Fact]
    public void The_report_figures_are_ratios_of_the_counts()
    {
        var items = Enumerable.Range(0, 4).Select(_ => Item()).ToList();
        items[0].Record(Satisfied, Wu, [StaffRole.Manager], Field, Now);
        items[1].Record(new SampleResultInput(RevisitMethod.Phone, true, Satisfaction.FairlySatisfied, false, null, true, "计量装置需复校", "孙丽", Today.AddDays(3)), Wu, [StaffRole.Manager], Field, Now);
        items[2].Record(new SampleResultInput(RevisitMethod.Phone, false, null, null, null, false, null, null, null), Wu, [StaffRole.Manager], Field, Now);

        var counts = SamplingCounts.Of(items, Today.AddDays(10));

        Assert.Equal(new SamplingCounts { Sampled = 4, Recorded = 3, Reached = 2, Satisfied = 2, Resolved = 1, ProblemsFound = 1, ProblemsOverdue = 1 }, counts);
        Assert.Equal((0.75m, 1m, 0.5m, 0m), (counts.CompletionRate, counts.SatisfactionRate, counts.ResolvedRate, counts.FixRate));
        Assert.Equal(2m / 3, counts.ReachRate);
        Assert.Null(SamplingCounts.Zero.ResolvedRate);
    }
}
