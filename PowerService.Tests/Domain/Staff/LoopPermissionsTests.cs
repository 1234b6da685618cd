using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Staff;

/// <summary>Who may take which step: the role a person holds and how they stand to the complaint, as one table.</summary>
public class LoopPermissionsTests
{
    /// <summary>
    /// The rule, written out by hand: per trigger, the relations that let each acting role take it.
    /// O owner, F first responder, C colleague of the complaint's department, D that department's
    /// manager, X company-level manager. A dash: never.
    /// </summary>
    private static readonly Dictionary<LoopTrigger, (string Agent, string Handler, string Manager)> Table = new()
    {
        [LoopTrigger.Dispatch] = ("OFC", "OFC", "OFCDX"),
        [LoopTrigger.Investigate] = ("-", "O", "ODX"),
        [LoopTrigger.Resolve] = ("-", "O", "ODX"),
        [LoopTrigger.Revisit] = ("OF", "OF", "OFDX"),
        [LoopTrigger.Improve] = ("-", "O", "ODX"),
        [LoopTrigger.WaiveImprovement] = ("-", "-", "DX"),
        [LoopTrigger.Reassign] = ("-", "O", "ODX"),
        [LoopTrigger.TakeOver] = ("-", "C", "CDX"),
        [LoopTrigger.AddNote] = ("OFC", "OFC", "OFCDX"),
        [LoopTrigger.Merge] = ("OF", "OF", "OFDX"),
        [LoopTrigger.Withdraw] = ("OF", "OF", "OFDX"),
        [LoopTrigger.Reclassify] = ("-", "O", "ODX"),
        [LoopTrigger.Escalate] = ("-", "-", "DX"),
        [LoopTrigger.ExtendDeadline] = ("-", "-", "DX"),
        [LoopTrigger.IssueDocument] = ("-", "-", "DX"),
        [LoopTrigger.AttachEvidence] = ("OFC", "OFC", "OFCDX"),
        [LoopTrigger.RemoveEvidence] = ("OFC", "OFC", "OFCDX"),
        [LoopTrigger.Anonymise] = ("-", "-", "-"),
    };

    private static readonly Dictionary<char, Relation> Letters = new()
    {
        ['O'] = Relation.Owner, ['F'] = Relation.FirstResponder, ['C'] = Relation.Colleague,
        ['D'] = Relation.DepartmentManager, ['X'] = Relation.CompanyManager,
    };

    public static TheoryData<LoopTrigger, StaffRole, Relation, bool> Cells()
    {
        var cells = new TheoryData<LoopTrigger, StaffRole, Relation, bool>();
        foreach (var (trigger, row) in Table)
            foreach (var role in StaffRoles.People)
                foreach (var (letter, relation) in Letters.Append(new('-', Relation.None)))
                {
                    // A department's or the company's manager holds the manager role: other roles never stand so.
                    if (letter is 'D' or 'X' && role != StaffRole.Manager) continue;
                    var allowed = role switch
                    {
                        StaffRole.IntakeAgent => row.Agent, StaffRole.Handler => row.Handler, StaffRole.Manager => row.Manager, _ => "",
                    };
                    cells.Add(trigger, role, relation, letter != '-' && allowed.Contains(letter));
                }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_step_needs_both_the_role_and_the_relation(LoopTrigger trigger, StaffRole role, Relation relation, bool allowed) =>
        Assert.Equal(allowed, LoopPermissions.May([role], relation, trigger));

    [Fact]
    public void The_table_covers_every_trigger() =>
        Assert.Equal(Enum.GetValues<LoopTrigger>().Order(), Table.Keys.Order());

    [Fact]
    public void The_system_escalates_and_anonymises_any_complaint_and_does_nothing_else() =>
        Assert.Equal([LoopTrigger.Dispatch, LoopTrigger.Escalate, LoopTrigger.Anonymise], Enum.GetValues<LoopTrigger>().Where(t => LoopPermissions.May([StaffRole.System], Relation.System, t)));

    /// <summary>王芳 registered it (客户服务中心), 李强 of 城区供电所 handles it.</summary>
    private static Complaint Dispatched() => In(Stage.Investigate);

    private static readonly Actor Colleague = new("u-colleague", "张伟");
    private static readonly Actor Stranger = new("u-stranger", "周杰");

    [Theory]
    [InlineData("u-handler", StaffRole.Handler, "城区供电所", false, Relation.Owner | Relation.Colleague)]
    [InlineData("u-agent", StaffRole.IntakeAgent, "客户服务中心", false, Relation.FirstResponder)]
    [InlineData("u-colleague", StaffRole.Handler, "城区供电所", false, Relation.Colleague)]
    [InlineData("u-colleague", StaffRole.Manager, "城区供电所", false, Relation.Colleague | Relation.DepartmentManager)]
    [InlineData("u-colleague", StaffRole.Manager, "客户服务中心", true, Relation.CompanyManager)]
    [InlineData("u-colleague", StaffRole.Handler, "客户服务中心", true, Relation.None)]
    [InlineData("u-stranger", StaffRole.Handler, "运维检修部", false, Relation.None)]
    [InlineData("u-stranger", StaffRole.Manager, "运维检修部", false, Relation.None)]
    public void How_a_person_stands_to_a_complaint_follows_from_who_they_are_and_where_they_work(string userId, StaffRole role, string department, bool companyLevel, Relation expected) =>
        Assert.Equal(expected, Dispatched().RelationOf(new Actor(userId, "某人"), [role], new Workplace(department, companyLevel)));

    [Fact]
    public void Without_a_workplace_only_personal_relations_count()
    {
        Assert.Equal(Relation.Owner, Dispatched().RelationOf(Handler, [StaffRole.Manager], null));
        Assert.Equal(Relation.None, Dispatched().RelationOf(Colleague, [StaffRole.Manager], null));
    }

    [Fact]
    public void A_handler_of_another_department_may_not_record_the_investigation()
    {
        var c = Dispatched();

        var result = c.Investigate(Findings, new StepContext(Stranger, [StaffRole.Handler], Start.AddHours(3), Sla: Schedule, Workplace: new("运维检修部")));

        Assert.Equal("“提交调查结论”只能由本投诉的处理人、投诉所在部门的管理人员或公司级管理人员办理；本投诉现由城区供电所 李强 处理", Assert.Single(result.Reasons));
        Assert.Equal((Stage.Investigate, 2), (c.Stage, c.Revision));
    }

    [Fact]
    public void An_agent_who_neither_took_the_complaint_first_nor_handles_it_may_not_withdraw_it()
    {
        var c = Dispatched();
        var otherAgent = new Actor("u-agent2", "刘洋");

        var byOther = c.Withdraw(new Withdrawal("客户表示不再追究", "电话录音"), new StepContext(otherAgent, [StaffRole.IntakeAgent], Start.AddHours(3), Sla: Schedule, Workplace: ServiceCentre));
        Assert.StartsWith("“客户撤诉”只能由本投诉的处理人、首问责任人", Assert.Single(byOther.Reasons));

        var byFirstResponder = c.Withdraw(new Withdrawal("客户表示不再追究", "电话录音"), new StepContext(Agent, [StaffRole.IntakeAgent], Start.AddHours(3), Sla: Schedule, Workplace: ServiceCentre));
        Assert.True(byFirstResponder.Succeeded);
    }

    [Fact]
    public void A_colleague_takes_a_complaint_over_with_a_reason_the_former_handler_reads_on_the_timeline()
    {
        var c = Dispatched();
        var at = new StepContext(Colleague, [StaffRole.Handler], Start.AddHours(3), Sla: Schedule, Workplace: CityStation);

        Assert.Contains(LoopTrigger.TakeOver, c.AvailableTriggers(Colleague, [StaffRole.Handler], CityStation, Start.AddHours(3)));
        Assert.True(c.TakeOver(new TakeOver(TakeOverReason.Absence, "李强休年假至12月1日"), at).Succeeded);

        Assert.Equal((Colleague, Agent, "城区供电所"), (c.Owner, c.FirstResponder, c.Department));
        var entry = c.Timeline[^1];
        Assert.Equal((LoopTrigger.TakeOver, "张伟"), (entry.Trigger, entry.ActorName));
        Assert.Equal("张伟 接手办理（原处理人：李强）；原因：原处理人休假/外出，李强休年假至12月1日", entry.Summary);
        // The former handler is a colleague now: may note and take it back, no longer investigate.
        Assert.Equal([LoopTrigger.TakeOver, LoopTrigger.AddNote, LoopTrigger.AttachEvidence, LoopTrigger.RemoveEvidence], c.AvailableTriggers(Handler, [StaffRole.Handler], CityStation, Start.AddHours(4)));
    }

    [Fact]
    public void Taking_over_needs_a_reason_is_not_for_the_handler_and_not_across_departments()
    {
        var c = Dispatched();

        var noReason = c.TakeOver(new TakeOver(null, null), new StepContext(Colleague, [StaffRole.Handler], Start.AddHours(3), Sla: Schedule, Workplace: CityStation));
        var otherWithoutWhy = c.TakeOver(new TakeOver(TakeOverReason.Other, " "), new StepContext(Colleague, [StaffRole.Handler], Start.AddHours(3), Sla: Schedule, Workplace: CityStation));
        var byOwner = c.TakeOver(new TakeOver(TakeOverReason.Workload, null), new StepContext(Handler, [StaffRole.Handler], Start.AddHours(3), Sla: Schedule, Workplace: CityStation));
        var acrossDepartments = c.TakeOver(new TakeOver(TakeOverReason.Workload, null), new StepContext(Stranger, [StaffRole.Handler], Start.AddHours(3), Sla: Schedule, Workplace: new("运维检修部")));

        Assert.Equal(["Reason"], noReason.Errors.Select(e => e.Field));
        Assert.Equal(["Explanation"], otherWithoutWhy.Errors.Select(e => e.Field));
        Assert.Equal("您已是本投诉的处理人，无需接手", Assert.Single(byOwner.Reasons));
        Assert.StartsWith("“接手办理”只能由投诉所在部门的人员或公司级管理人员办理", Assert.Single(acrossDepartments.Reasons));
        Assert.DoesNotContain(LoopTrigger.TakeOver, c.AvailableTriggers(Handler, [StaffRole.Handler], CityStation, Start.AddHours(3)));
        Assert.Equal(Handler, c.Owner);
    }

    [Fact]
    public void Company_level_managers_and_admins_see_every_complaint_others_their_scope()
    {
        var c = Dispatched();

        Assert.True(LoopPermissions.MayView([StaffRole.Manager], c.RelationOf(Colleague, [StaffRole.Manager], ServiceCentre), ServiceCentre));
        Assert.True(LoopPermissions.MayView([StaffRole.Admin], Relation.None, new Workplace("信息中心")));
        Assert.True(LoopPermissions.MayView([StaffRole.Auditor], Relation.None, new Workplace("法律合规部")));
        Assert.True(LoopPermissions.MayView([StaffRole.IntakeAgent], c.RelationOf(Agent, [StaffRole.IntakeAgent], ServiceCentre), ServiceCentre));
        Assert.False(LoopPermissions.MayView([StaffRole.Manager], c.RelationOf(Stranger, [StaffRole.Manager], new("运维检修部")), new("运维检修部")));
        Assert.False(LoopPermissions.MayView([StaffRole.Trainer], Relation.Colleague, new("城区供电所")));
    }
}
