using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Sla;

/// <summary>The complaint's clocks follow its steps; escalations and extensions go on the timeline.</summary>
public class ComplaintClockTests
{
    private static DateTimeOffset Cst(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0, ChinaTime.Offset);

    private static readonly TimeSpan SubMillisecond = Start - Start.AddTicks(-(Start.Ticks % TimeSpan.TicksPerSecond));

    private static SlaClock Running(Complaint c, ClockKind kind) => c.RunningClocks.Single(x => x.Kind == kind);

    [Fact]
    public void Registration_starts_response_contact_and_handling_clocks_from_the_call()
    {
        var c = Registered(); // 95598, normal, received 09:20 on Monday 23 November

        Assert.Equal(
            // Natural-time limits keep the call's sub-millisecond instant; working-time ones close at the end of business.
            [(ClockKind.FirstResponse, Cst(11, 24, 9, 20).Add(SubMillisecond)), (ClockKind.CustomerContact, Cst(11, 24, 9, 20).Add(SubMillisecond)), (ClockKind.Handling, Cst(11, 27, 17, 30))],
            c.Clocks.Select(x => (x.Kind, x.DueAt.ToChina())));
        Assert.Equal(Cst(11, 24, 9, 20).Add(SubMillisecond), c.NextDueAt);
        Assert.Equal(EscalationLevel.Team, c.Escalation);
    }

    [Fact]
    public void Dispatch_answers_the_first_response_and_a_contact_note_the_contact_clock()
    {
        var c = Registered();

        Ok(c, c.Dispatch(Dispatch, At(Start.AddHours(1))));
        Ok(c, c.AddNote(new ProgressNote("已电话联系客户，约定上门时间", ContactedCustomer: true), At(Start.AddHours(2))));

        Assert.Equal([ClockKind.Handling], c.RunningClocks.Select(x => x.Kind));
        Assert.All(c.Clocks.Where(x => !x.IsRunning), x => Assert.Equal(ClockState.Met, x.Read(Start.AddDays(9), ClockThresholds.Default).State));
    }

    [Fact]
    public void Resolution_stops_handling_and_starts_both_revisit_clocks()
    {
        var c = In(Stage.Revisit); // resolved at Start + 24 h

        Assert.Equal(
            [(ClockKind.FirstRevisit, Start.AddHours(48)), (ClockKind.SecondRevisit, Start.AddHours(24).AddDays(8))],
            c.RunningClocks.Select(x => (x.Kind, x.DueAt)));
    }

    [Fact]
    public void An_unsatisfied_revisit_ends_the_revisit_clocks_and_restarts_handling()
    {
        var c = In(Stage.Revisit);

        Ok(c, c.Revisit(Dissatisfied, At(Start.AddHours(30))));

        var handling = Running(c, ClockKind.Handling);
        Assert.Equal(Start.AddHours(30), handling.StartedAt);
        Assert.Equal([ClockKind.Handling], c.RunningClocks.Select(x => x.Kind));
    }

    [Fact]
    public void A_reopened_round_leaves_its_second_revisit_superseded_never_met_and_each_kind_current_once()
    {
        var c = In(Stage.Revisit);
        Ok(c, c.Revisit(Dissatisfied, At(Start.AddHours(30))));
        // Right after re-opening the whole first round of handling and revisits is behind, not half of it.
        Assert.Equal([ClockKind.FirstResponse, ClockKind.CustomerContact, ClockKind.Handling], c.CurrentClocks.Select(x => x.Kind));
        Assert.Equal([ClockKind.Handling, ClockKind.FirstRevisit, ClockKind.SecondRevisit], c.EarlierClocks.Select(x => x.Kind));
        Ok(c, c.Resolve(Resolution(Start.AddHours(40)), Ctx(c, 48)));
        var now = Start.AddDays(30);

        Assert.Equal(Enumerable.Range(1, c.Clocks.Count), c.Clocks.Select(x => x.Id));
        Assert.Equal(
            [(ClockKind.Handling, ClockState.Met), (ClockKind.FirstRevisit, ClockState.Met), (ClockKind.SecondRevisit, ClockState.Superseded)],
            c.EarlierClocks.Select(x => (x.Kind, x.Read(now, ClockThresholds.Default).State)));
        Assert.Equal(Enum.GetValues<ClockKind>().Where(k => k != ClockKind.Improvement).Order(), c.CurrentClocks.Select(x => x.Kind).Order());
        Assert.Equal([ClockKind.FirstRevisit, ClockKind.SecondRevisit], c.RunningClocks.Select(x => x.Kind));
        Assert.All(c.RunningClocks, x => Assert.Equal(Start.AddHours(48), x.StartedAt));
    }

    /// <summary>A complaint as stored before clocks recorded how they ended.</summary>
    private static Complaint WithoutClockEnds(Complaint c)
    {
        var field = typeof(Complaint).GetField("_clocks", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        field.SetValue(c, ((List<SlaClock>)field.GetValue(c)!).Select(x => x with { EndedAs = null }).ToList());
        return c;
    }

    [Fact]
    public void A_record_from_before_clock_ends_learns_them_from_its_own_history()
    {
        var reopened = In(Stage.Revisit);
        Ok(reopened, reopened.Revisit(Dissatisfied, At(Start.AddHours(30))));
        Ok(reopened, reopened.Resolve(Resolution(Start.AddHours(40)), Ctx(reopened, 48)));
        var expected = reopened.Clocks.Select(x => x.EndedAs).ToList();
        var withdrawn = Registered();
        Ok(withdrawn, withdrawn.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话"), At(Start.AddHours(1), Agent, StaffRole.IntakeAgent)));

        Assert.True(WithoutClockEnds(reopened).UpgradeLegacyRecord());
        Assert.True(WithoutClockEnds(withdrawn).UpgradeLegacyRecord());

        Assert.Equal(expected, reopened.Clocks.Select(x => x.EndedAs));
        Assert.Contains(reopened.Clocks, x => x.EndedAs == ClockEnd.Superseded);
        Assert.All(withdrawn.Clocks, x => Assert.Equal(ClockEnd.Cancelled, x.EndedAs));
        Assert.False(reopened.UpgradeLegacyRecord()); // once known, nothing changes again
    }

    [Fact]
    public void Clocks_a_withdrawal_stops_are_cancelled_not_met()
    {
        var c = Registered();
        Ok(c, c.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话"), At(Start.AddHours(1), Agent, StaffRole.IntakeAgent)));

        Assert.All(c.Clocks, x => Assert.Equal(ClockState.Cancelled, x.Read(Start.AddDays(30), ClockThresholds.Default).State));
        Assert.All(c.Clocks, x => Assert.Equal(ClockEnd.Cancelled, x.EndedAs));
    }

    [Fact]
    public void The_second_revisit_starts_the_improvement_clock_and_closing_stops_everything()
    {
        var c = In(Stage.Improve);
        Assert.Equal([ClockKind.Improvement], c.RunningClocks.Select(x => x.Kind));

        Ok(c, c.Improve(Plan, At(Start.AddDays(10))));

        Assert.Empty(c.RunningClocks);
        Assert.Null(c.NextDueAt);
    }

    [Fact]
    public void A_withdrawal_stops_every_running_clock()
    {
        var c = In(Stage.Withdrawn);

        Assert.Empty(c.RunningClocks);
        Assert.Null(c.NextDueAt);
    }

    [Theory]
    [InlineData(Channel.Regulator12398, EscalationLevel.Department)]
    [InlineData(Channel.Government12345, EscalationLevel.Department)]
    [InlineData(Channel.Media, EscalationLevel.Department)]
    [InlineData(Channel.ServiceHall, EscalationLevel.Team)]
    public void Third_party_and_media_channels_start_one_level_up_with_the_reason_on_the_timeline(Channel channel, EscalationLevel level)
    {
        var c = Complaint.Register(ValidIntake() with { Channel = channel }, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(Start, Agent)).Value!;

        Assert.Equal(level, c.Escalation);
        if (level == EscalationLevel.Team) Assert.Single(c.Timeline);
        else
        {
            var e = c.Timeline[^1];
            Assert.Equal((LoopTrigger.Escalate, "系统"), (e.Trigger!.Value, e.ActorName));
            Assert.Contains("按规定提级处理", e.Summary);
        }
    }

    [Fact]
    public void A_repeat_complaint_within_30_days_goes_up_a_level()
    {
        var c = Complaint.Register(ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001" }, "TS202611230002", Guid.NewGuid(), "客户服务中心",
            At(Start, Agent), repeatOf: "TS202611100004").Value!;

        Assert.Equal(EscalationLevel.Company, c.Escalation);
        Assert.Equal("升级至公司级：同一客户 30 天内重复投诉（前次 TS202611100004）；12398能源监管热线投诉，按规定提级处理", c.Timeline[^1].Summary);
    }

    [Fact]
    public void Escalation_only_goes_up()
    {
        var c = Registered();

        Ok(c, c.Escalate(new EscalationRequest(EscalationLevel.Department, EscalationCause.Manual, "客户情绪激动"), At(Start.AddHours(1), Manager, StaffRole.Manager)));
        var down = c.Escalate(new EscalationRequest(EscalationLevel.Team, EscalationCause.Manual, "降级"), At(Start.AddHours(2), Manager, StaffRole.Manager));

        Assert.Equal("只能升级到比当前更高的层级", Assert.Single(down.Reasons));
        Assert.Equal(EscalationLevel.Department, c.Escalation);
    }

    [Fact]
    public void A_manager_extends_a_running_deadline_with_a_reason_on_the_timeline()
    {
        var c = Registered();
        var newDue = Cst(12, 4, 17, 30);

        var byHandler = c.ExtendDeadline(new DeadlineExtension(ClockKind.Handling, newDue, "多部门联合调查"), At(Start.AddHours(1), Handler, StaffRole.Handler));
        Ok(c, c.ExtendDeadline(new DeadlineExtension(ClockKind.Handling, newDue, "多部门联合调查"), At(Start.AddHours(1), Manager, StaffRole.Manager)));
        var earlier = c.ExtendDeadline(new DeadlineExtension(ClockKind.Handling, Cst(11, 25, 9), "客户要求提前办结"), At(Start.AddHours(2), Manager, StaffRole.Manager));

        Assert.False(byHandler.Succeeded);
        Assert.Equal(newDue, Running(c, ClockKind.Handling).DueAt);
        Assert.Equal("处理答复时限延长至 2026-12-04 17:30：多部门联合调查", c.Timeline[^1].Summary);
        Assert.Equal("延长后的时限须晚于原时限", Assert.Single(earlier.Reasons));
    }

    [Fact]
    public void A_clock_that_is_not_running_cannot_be_extended()
    {
        var c = In(Stage.Improve);

        var result = c.ExtendDeadline(new DeadlineExtension(ClockKind.Handling, Start.AddDays(30), "多部门联合调查"), At(Start.AddDays(9), Manager, StaffRole.Manager));

        Assert.Equal("该时限当前未在计时，不能延长", Assert.Single(result.Reasons));
    }
}
