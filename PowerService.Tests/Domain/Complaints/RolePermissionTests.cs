using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

public class RolePermissionTests
{
    [Fact]
    public void Only_a_manager_may_waive_improvement()
    {
        var c = In(Stage.Improve);
        var waiver = new ImprovementWaiver("原因已在全省系统升级项目中整改完毕");

        var byHandler = c.WaiveImprovement(waiver, At(Start.AddDays(20), Handler, StaffRole.Handler));
        Assert.Equal("您的角色无权执行“批准免于整改”", Assert.Single(byHandler.Reasons));
        Assert.Equal(Stage.Improve, c.Stage);

        var byManager = c.WaiveImprovement(waiver, At(Start.AddDays(20), Manager, StaffRole.Manager));
        Assert.True(byManager.Succeeded);
        Assert.Equal(Stage.Closed, c.Stage);
        Assert.Equal(waiver.Reason, c.ImprovementWaiverReason);
    }

    [Fact]
    public void An_intake_agent_may_not_record_an_investigation()
    {
        var c = In(Stage.Investigate);

        var result = c.Investigate(Findings, At(Start.AddHours(3), Agent, StaffRole.IntakeAgent));

        Assert.False(result.Succeeded);
        Assert.Equal(Stage.Investigate, c.Stage);
    }

    [Theory]
    [InlineData(StaffRole.Trainer)]
    [InlineData(StaffRole.Admin)]
    public void Trainers_and_admins_act_on_no_live_complaint(StaffRole role)
    {
        foreach (var stage in StageExtensions.LoopStages)
            Assert.Empty(In(stage).AvailableTriggers(Manager, [role], ServiceCentre, Start));
        Assert.False(LoopPermissions.MayRegister([role]));
        var registration = Complaint.Register(ValidIntake(), "TS202611230009", Guid.NewGuid(), "客户服务中心", At(Start, Agent, role));
        Assert.False(registration.Succeeded);
    }

    [Fact]
    public void The_pages_role_list_for_live_complaints_matches_the_domain_rule()
    {
        // Razor's [Authorize(Roles = ...)] needs a constant; this keeps it from drifting from the rule.
        var pageRoles = PowerService.Web.Features.Complaints.ComplaintDisplay.LiveRoles.Split(',').Select(Enum.Parse<StaffRole>).Order();

        Assert.Equal(StaffRoles.People.Where(r => LoopPermissions.MayViewLiveComplaints([r])).Order(), pageRoles);
    }

    [Fact]
    public void Trainers_do_not_view_live_complaints()
    {
        Assert.False(LoopPermissions.MayViewLiveComplaints([StaffRole.Trainer]));
        Assert.True(LoopPermissions.MayViewLiveComplaints([StaffRole.Admin]));
    }

    [Fact]
    public void Available_triggers_combine_the_stage_and_the_role()
    {
        var improve = In(Stage.Improve);
        LoopTrigger[] evidence = [LoopTrigger.AttachEvidence, LoopTrigger.RemoveEvidence];
        Assert.Equal([LoopTrigger.Improve, LoopTrigger.Reassign, LoopTrigger.AddNote, .. evidence], improve.AvailableTriggers(Handler, [StaffRole.Handler], CityStation, Start));
        Assert.Equal([LoopTrigger.Improve, LoopTrigger.WaiveImprovement, LoopTrigger.Reassign, LoopTrigger.TakeOver, LoopTrigger.AddNote, LoopTrigger.Escalate,
            LoopTrigger.ExtendDeadline, LoopTrigger.IssueDocument, .. evidence], improve.AvailableTriggers(Manager, [StaffRole.Manager], ServiceCentre, Start));
        Assert.Equal([LoopTrigger.AddNote, .. evidence], improve.AvailableTriggers(Agent, [StaffRole.IntakeAgent], ServiceCentre, Start));
        Assert.Equal([LoopTrigger.Dispatch, LoopTrigger.AddNote, LoopTrigger.Merge, LoopTrigger.Withdraw, .. evidence], In(Stage.Intake).AvailableTriggers(Agent, [StaffRole.IntakeAgent], ServiceCentre, Start));
    }
}
