using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Domain.Cases;

/// <summary>A case's review rules: who writes, who reviews (role and relation), versions, withdrawal.</summary>
public sealed class TrainingCaseTests
{
    private static readonly DateTimeOffset At = ComplaintBuilder.Start.AddDays(3);
    private static readonly Actor Trainer = new("u-trainer", "孙丽");
    private static readonly Actor OtherTrainer = new("u-trainer2", "钱程");
    private static readonly Actor Manager = ComplaintBuilder.Manager;
    private static readonly StaffRole[] TrainerRoles = [StaffRole.Trainer];
    private static readonly StaffRole[] ManagerRoles = [StaffRole.Manager];
    private static readonly Workplace CompanyLevel = ComplaintBuilder.ServiceCentre;

    public static readonly CaseContent Complete = new("计划停电未通知引发投诉", "客户反映计划停电前未收到任何通知，家中冰箱食物变质。",
        "调查确认停电通知短信因号码变更未送达，处理人员当日上门致歉。", "补发停电通知渠道说明，按规定给予电费减免。",
        "第一时间上门致歉，态度诚恳。", "停电通知只依赖短信，号码变更后无人核实。", ["停电通知", "计划停电"]);

    private static TrainingCase Started(CaseContent? content = null)
    {
        var result = TrainingCase.Create(ComplaintBuilder.In(Stage.Closed), content ?? Complete, Trainer, TrainerRoles, At, 2026);
        Assert.True(result.Succeeded, string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private static TrainingCase Published()
    {
        var c = Started();
        Assert.True(c.Submit(Trainer, TrainerRoles, At.AddMinutes(1)).Succeeded);
        Assert.True(c.Approve(Manager, ManagerRoles, CompanyLevel, At.AddMinutes(2)).Succeeded);
        return c;
    }

    [Fact]
    public void Only_a_trainer_starts_a_case_and_only_from_a_closed_complaint()
    {
        Assert.Equal("只有培训师可以编写案例", Assert.Single(TrainingCase.Create(ComplaintBuilder.In(Stage.Closed), Complete, Manager, ManagerRoles, At, 2026).Errors).Message);
        Assert.Equal("只有已办结的投诉可以编写为案例", Assert.Single(TrainingCase.Create(ComplaintBuilder.In(Stage.Revisit), Complete, Trainer, TrainerRoles, At, 2026).Errors).Message);
    }

    [Fact]
    public void A_new_case_is_a_draft_held_by_its_trainer_with_the_complaints_facets()
    {
        var source = ComplaintBuilder.In(Stage.Closed);
        var c = TrainingCase.Create(source, Complete, Trainer, TrainerRoles, At, 2026).Value!;

        Assert.Equal((CaseStatus.Draft, Trainer, Trainer, false, ""), (c.Status, c.Editor, c.Author, c.Listed, c.SearchText));
        Assert.Equal((source.Category, source.SubCategory, source.Channel, source.Department, 2026), (c.Category, c.SubCategory, c.Channel, c.Department, c.Year));
        Assert.Equal(CaseOutcome.FirstTime, c.Outcome);
    }

    [Fact]
    public void An_unfinished_draft_saves_but_is_not_submitted_and_each_missing_section_is_named_at_its_field()
    {
        var c = Started(Complete with { LessonsWorked = "", LessonsFailed = "", Solution = "" });

        var refused = c.Submit(Trainer, TrainerRoles, At);

        Assert.False(refused.Succeeded);
        Assert.Equal(["Solution", "LessonsWorked", "LessonsFailed"], refused.Errors.Select(e => e.Field));
        Assert.Equal(CaseStatus.Draft, c.Status);
    }

    [Fact]
    public void Markup_in_a_case_is_refused_and_nothing_changes()
    {
        var c = Started();
        var revision = c.Revision;

        var refused = c.Save(Complete with { Background = "<script>alert(1)</script>" }, Trainer, TrainerRoles, At);

        Assert.Contains(refused.Errors, e => e.Message.Contains("纯文本"));
        Assert.Equal((Complete.Background, revision), (c.Draft.Background, c.Revision));
    }

    [Fact]
    public void Personal_data_typed_in_after_the_draft_stops_the_submission_until_masked()
    {
        var c = Started(Complete with { Solution = "已按 138 1234 8000 回电，并上门至文三路100号2单元301室致歉。" });

        var refused = c.Submit(Trainer, TrainerRoles, At);

        Assert.Equal("案例中仍有疑似个人信息（电话号码 1 处，详细地址 1 处），请用“追加遮盖”遮盖后再提交", Assert.Single(refused.Errors).Message);
        Assert.Equal(CaseStatus.Draft, c.Status);
        Assert.True(c.Save(Complete with { Solution = "已回电，并上门致歉。" }, Trainer, TrainerRoles, At).Succeeded);
        Assert.True(c.Submit(Trainer, TrainerRoles, At).Succeeded);
    }

    [Fact]
    public void Only_the_editor_saves_or_submits_the_working_copy()
    {
        var c = Started();

        Assert.Equal("本案例正由孙丽编写，只有编写人可以修改或提交", Assert.Single(c.Save(Complete, OtherTrainer, TrainerRoles, At).Errors).Message);
        Assert.False(c.Submit(OtherTrainer, TrainerRoles, At).Succeeded);
        Assert.False(c.Save(Complete, Manager, ManagerRoles, At).Succeeded);
    }

    [Fact]
    public void Approval_publishes_version_1_and_lists_the_case_with_its_text_for_search()
    {
        var c = Published();

        Assert.Equal((CaseStatus.Published, true), (c.Status, c.Listed));
        var version = Assert.Single(c.Versions);
        Assert.Equal((1, Trainer, Manager, At.AddMinutes(2)), (version.Number, version.Editor, version.ApprovedBy, version.PublishedAt));
        Assert.Contains("号码变更后无人核实", c.SearchText);
        Assert.Contains("停电通知", c.SearchText);
    }

    [Fact]
    public void A_department_manager_reviews_only_cases_of_their_department()
    {
        var c = Started();
        Assert.True(c.Submit(Trainer, TrainerRoles, At).Succeeded);

        var elsewhere = c.Approve(Manager, ManagerRoles, new Workplace("营销部"), At);
        Assert.Equal(TrainingCase.DepartmentOnly, Assert.Single(elsewhere.Errors).Message);
        Assert.True(c.Approve(Manager, ManagerRoles, new Workplace(c.Department), At).Succeeded);
    }

    [Fact]
    public void Nobody_reviews_a_case_they_wrote_and_trainers_do_not_review()
    {
        var both = new Actor("u-both", "周洁");
        var c = TrainingCase.Create(ComplaintBuilder.In(Stage.Closed), Complete, both, [StaffRole.Trainer, StaffRole.Manager], At, 2026).Value!;
        Assert.True(c.Submit(both, [StaffRole.Trainer, StaffRole.Manager], At).Succeeded);

        Assert.Equal("不能审核自己编写的案例", Assert.Single(c.Approve(both, [StaffRole.Trainer, StaffRole.Manager], CompanyLevel, At).Errors).Message);
        Assert.Equal("只有管理人员可以审核案例", Assert.Single(c.Approve(OtherTrainer, TrainerRoles, CompanyLevel, At).Errors).Message);
        Assert.Equal(CaseStatus.InReview, c.Status);
    }

    [Fact]
    public void A_returned_case_goes_back_to_its_editor_with_the_reason_which_is_required()
    {
        var c = Started();
        Assert.True(c.Submit(Trainer, TrainerRoles, At).Succeeded);

        Assert.Equal("Reason", Assert.Single(c.Return("  ", Manager, ManagerRoles, CompanyLevel, At).Errors).Field);
        Assert.True(c.Return("经验教训写得太笼统", Manager, ManagerRoles, CompanyLevel, At.AddMinutes(5)).Succeeded);

        Assert.Equal((CaseStatus.Draft, "经验教训写得太笼统"), (c.Status, c.ReturnReason));
        Assert.Equal(CaseTrigger.Return, c.History[^1].What);
        Assert.True(c.Save(Complete with { LessonsWorked = "上门致歉及时，当场说明补救措施。" }, Trainer, TrainerRoles, At.AddMinutes(6)).Succeeded);
        Assert.True(c.Submit(Trainer, TrainerRoles, At.AddMinutes(7)).Succeeded);
        Assert.Null(c.ReturnReason);
    }

    [Fact]
    public void A_revision_keeps_version_1_listed_until_version_2_is_approved()
    {
        var c = Published();

        Assert.True(c.Revise(OtherTrainer, TrainerRoles, At.AddDays(1)).Succeeded);
        Assert.Equal((CaseStatus.Draft, OtherTrainer, true), (c.Status, c.Editor, c.Listed));
        Assert.Contains("号码变更后无人核实", c.SearchText);
        Assert.Equal("内容与已发布的版本相同，无需再次审核", Assert.Single(c.Submit(OtherTrainer, TrainerRoles, At.AddDays(1)).Errors).Message);

        Assert.True(c.Save(Complete with { LessonsFailed = "通知渠道单一，应增加电话和社区公告。" }, OtherTrainer, TrainerRoles, At.AddDays(1)).Succeeded);
        Assert.True(c.Submit(OtherTrainer, TrainerRoles, At.AddDays(1)).Succeeded);
        Assert.True(c.Approve(Manager, ManagerRoles, CompanyLevel, At.AddDays(2)).Succeeded);

        Assert.Equal([1, 2], c.Versions.Select(v => v.Number));
        Assert.Equal(Complete.LessonsFailed, c.Versions[0].Content.LessonsFailed);
        Assert.Contains("社区公告", c.SearchText);
        Assert.DoesNotContain("号码变更后无人核实", c.SearchText);
    }

    [Fact]
    public void A_withdrawn_case_leaves_the_library_with_its_reason_and_can_be_revised_again()
    {
        var c = Published();

        Assert.False(c.Withdraw(null, Manager, ManagerRoles, CompanyLevel, At).Succeeded);
        Assert.True(c.Withdraw("补偿标准已调整，案例过时", Manager, ManagerRoles, CompanyLevel, At.AddDays(1)).Succeeded);

        Assert.Equal((CaseStatus.Withdrawn, false, "", "补偿标准已调整，案例过时"), (c.Status, c.Listed, c.SearchText, c.WithdrawReason));
        Assert.Equal([CaseTrigger.Revise], c.AvailableTriggers(Trainer, TrainerRoles, null));
        Assert.True(c.Revise(Trainer, TrainerRoles, At.AddDays(2)).Succeeded);
        Assert.Equal(CaseStatus.Draft, c.Status);
    }

    [Fact]
    public void A_draft_never_published_cannot_be_withdrawn()
    {
        var c = Started();

        Assert.Equal("案例尚未发布，无需撤回", Assert.Single(c.Withdraw("不需要了，删除这个草稿", Manager, ManagerRoles, CompanyLevel, At).Errors).Message);
        Assert.Equal(CaseStatus.Draft, c.Status);
    }

    [Fact]
    public void The_page_is_offered_what_each_person_may_do_now()
    {
        var c = Started();
        Assert.Equal([CaseTrigger.Save, CaseTrigger.Submit], c.AvailableTriggers(Trainer, TrainerRoles, null));
        Assert.Empty(c.AvailableTriggers(OtherTrainer, TrainerRoles, null));

        Assert.True(c.Submit(Trainer, TrainerRoles, At).Succeeded);
        Assert.Equal([CaseTrigger.Approve, CaseTrigger.Return], c.AvailableTriggers(Manager, ManagerRoles, CompanyLevel));
        Assert.Empty(c.AvailableTriggers(Manager, ManagerRoles, new Workplace("营销部")));
        Assert.Empty(c.AvailableTriggers(Trainer, TrainerRoles, null));
    }

    [Fact]
    public void A_revision_under_review_of_a_listed_case_can_be_withdrawn_whole()
    {
        var c = Published();
        Assert.True(c.Revise(Trainer, TrainerRoles, At.AddDays(1)).Succeeded);

        Assert.Contains(CaseTrigger.Withdraw, c.AvailableTriggers(Manager, ManagerRoles, CompanyLevel));
        Assert.True(c.Withdraw("案例涉及的政策已废止", Manager, ManagerRoles, CompanyLevel, At.AddDays(1)).Succeeded);
        Assert.False(c.Listed);
    }

    [Fact]
    public void Each_change_counts_a_revision_and_is_in_the_history()
    {
        var c = Published();

        Assert.Equal(2, c.Revision);
        Assert.Equal([CaseTrigger.Create, CaseTrigger.Submit, CaseTrigger.Approve], c.History.Select(e => e.What));
        Assert.Equal((CaseStatus.InReview, CaseStatus.Published), (c.History[^1].From, c.History[^1].To));
    }
}
