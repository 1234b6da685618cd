using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>
/// The second revisit is offered only once it can be done: 7 days after resolution, to the tick.
/// Instants carry sub-millisecond parts, as the clock gives them.
/// </summary>
public class SecondRevisitTests
{
    private static readonly DateTimeOffset ResolvedAt = DateTimeOffset.Parse("2026-11-23T02:03:04.5678901Z");
    private static readonly DateTimeOffset Opens = ResolvedAt.AddDays(7); // 2026-11-30 10:03:04.5678901 in Beijing
    private static readonly StaffRole[] AgentRoles = [StaffRole.IntakeAgent];

    /// <summary>Resolved at <see cref="ResolvedAt"/>; the first revisit, satisfied, 20 hours later.</summary>
    private static Complaint WaitingForSecondRevisit()
    {
        var c = Registered();
        Ok(c, c.Dispatch(Dispatch, At(Start.AddMinutes(5))));
        Ok(c, c.Investigate(Findings, At(Start.AddMinutes(10))));
        Ok(c, c.Resolve(Resolution(Start.AddHours(20)), At(ResolvedAt)));
        Assert.Contains(LoopTrigger.Revisit, c.AvailableTriggers(Agent, AgentRoles, ServiceCentre, ResolvedAt)); // the first revisit may follow at once
        Assert.Null(c.SecondRevisitOpensAt);
        Ok(c, c.Revisit(Satisfied, At(ResolvedAt.AddHours(20))));
        return c;
    }

    [Fact]
    public void Before_seven_days_the_second_revisit_is_not_offered_and_says_when_it_will_be()
    {
        var c = WaitingForSecondRevisit();
        var justBefore = Opens.AddTicks(-1);

        Assert.Equal([LoopTrigger.AddNote, LoopTrigger.Withdraw, LoopTrigger.AttachEvidence, LoopTrigger.RemoveEvidence], c.AvailableTriggers(Agent, AgentRoles, ServiceCentre, justBefore));
        Assert.Equal(Opens, c.SecondRevisitWaitsUntil(justBefore));
        Assert.Equal(Opens, c.SecondRevisitOpensAt);
        Assert.Equal("二次回访须在 2026-11-30 10:03 之后进行（解决后满 7 天）", Complaint.SecondRevisitNotYet(Opens));
    }

    [Fact]
    public void At_and_after_seven_days_the_second_revisit_is_offered()
    {
        var c = WaitingForSecondRevisit();

        Assert.Equal([LoopTrigger.Revisit, LoopTrigger.AddNote, LoopTrigger.Withdraw, LoopTrigger.AttachEvidence, LoopTrigger.RemoveEvidence], c.AvailableTriggers(Agent, AgentRoles, ServiceCentre, Opens));
        Assert.Contains(LoopTrigger.Revisit, c.AvailableTriggers(Agent, AgentRoles, ServiceCentre, Opens.AddDays(3)));
        Assert.Null(c.SecondRevisitWaitsUntil(Opens));
    }

    [Fact]
    public void Fired_one_tick_early_the_guard_refuses_with_the_time_and_changes_nothing()
    {
        var c = WaitingForSecondRevisit();
        var revision = c.Revision;

        var early = c.Revisit(Satisfied, At(Opens.AddTicks(-1), Handler, AgentRoles));

        Assert.False(early.Succeeded);
        Assert.Equal("二次回访须在 2026-11-30 10:03 之后进行（解决后满 7 天）", Assert.Single(early.Reasons));
        Assert.Equal((Stage.Revisit, revision, 1), (c.Stage, c.Revision, c.Revisits.Count));
    }

    [Fact]
    public void Fired_at_the_instant_it_opens_the_second_revisit_leads_to_improvement()
    {
        var c = WaitingForSecondRevisit();

        Ok(c, c.Revisit(Satisfied, At(Opens, Handler, AgentRoles)));

        Assert.Equal(Stage.Improve, c.Stage);
        Assert.Null(c.SecondRevisitOpensAt);
        Assert.Null(c.SecondRevisitWaitsUntil(Opens));
    }

    [Fact]
    public void Leaving_the_revisit_clears_the_waiting_second_revisit()
    {
        var withdrawn = WaitingForSecondRevisit();
        Ok(withdrawn, withdrawn.Withdraw(new("客户表示问题已解决", "电话录音"), At(ResolvedAt.AddDays(2))));
        var reopened = WaitingForSecondRevisit();
        Ok(reopened, reopened.Revisit(Dissatisfied, At(Opens.AddHours(1))));

        Assert.Null(withdrawn.SecondRevisitOpensAt);
        Assert.Null(withdrawn.SecondRevisitWaitsUntil(ResolvedAt.AddDays(2)));
        Assert.Equal(Stage.Resolve, reopened.Stage);
        Assert.Null(reopened.SecondRevisitOpensAt);
    }

    [Fact]
    public void The_loop_graph_shows_the_seven_day_condition_of_the_revisit()
    {
        var revisit = Complaint.LoopInfo.States.Single(s => (Stage)s.UnderlyingState == Stage.Revisit)
            .Transitions.Single(t => (LoopTrigger)t.Trigger.UnderlyingTrigger == LoopTrigger.Revisit);

        Assert.Contains("二次回访须在解决后满 7 天进行", revisit.GuardConditionsMethodDescriptions.Select(g => g.Description));
    }
}
