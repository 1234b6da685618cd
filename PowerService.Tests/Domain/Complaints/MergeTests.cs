using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>One customer through two channels: the duplicate merged into the complaint already in hand (docs/domain.md §11).</summary>
public class MergeTests
{
    private static Complaint Register(ComplaintIntake intake, string number, DateTimeOffset at) =>
        Complaint.Register(intake, number, Guid.NewGuid(), "客户服务中心", At(at, Agent, StaffRole.IntakeAgent)).Value!;

    private static Complaint HallComplaint() =>
        Register(ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null }, "TS202611230001", Start);

    private static Complaint HotlineDuplicate(Urgency urgency = Urgency.Normal) =>
        Register(ValidIntake() with { Channel = Channel.Government12345, UpstreamReference = "ZW2026112300088", ReceivedAt = Start.AddHours(1), Urgency = urgency },
            "TS202611230002", Start.AddHours(1).AddMinutes(5));

    [Fact]
    public void The_survivor_takes_the_tighter_limit_the_higher_level_and_both_point_to_each_other()
    {
        var survivor = HallComplaint();
        var duplicate = HotlineDuplicate();
        var theirs = duplicate.Clocks.Single(c => c.Kind == ClockKind.Handling);
        var ours = survivor.Clocks.Single(c => c.Kind == ClockKind.Handling);
        Assert.True(theirs.DueAt < ours.DueAt); // 12345: 7 calendar days; the company's 7 working days are longer

        var result = Complaint.Merge(duplicate, survivor, "同一客户经 12345 重复反映", At(Start.AddHours(2), Agent, StaffRole.IntakeAgent));

        Assert.True(result.Succeeded, string.Join("；", result.Reasons));
        Assert.Equal((Stage.Merged, "TS202611230001"), (duplicate.Stage, duplicate.MergedInto));
        Assert.Equal(["TS202611230002"], survivor.MergedFrom);
        Assert.Equal(Stage.Intake, survivor.Stage);
        Assert.Equal(EscalationLevel.Department, survivor.Escalation);
        var handling = survivor.RunningClocks.Single(c => c.Kind == ClockKind.Handling);
        Assert.Equal((theirs.DueAt, theirs.Limit), (handling.DueAt, handling.Limit));
        Assert.Contains("随 TS202611230002 并入", handling.Rule);
        Assert.True(survivor.NextDueAt <= handling.DueAt);
        var entry = survivor.Timeline[^1];
        Assert.Equal(LoopTrigger.Merge, entry.Trigger);
        Assert.StartsWith("TS202611230002（12345政务热线，上级工单 ZW2026112300088）并入本投诉：升级至部门级；处理答复时限提前至", entry.Summary);
        Assert.All(duplicate.Clocks, c => Assert.Equal(ClockEnd.Cancelled, c.EndedAs));
    }

    [Fact]
    public void The_survivor_takes_the_higher_urgency_and_keeps_its_own_limit_when_it_is_the_tighter()
    {
        var survivor = HallComplaint();
        var contactBefore = survivor.RunningClocks.Single(c => c.Kind == ClockKind.CustomerContact);
        var duplicate = Register(ValidIntake() with { Channel = Channel.App, UpstreamReference = null, Urgency = Urgency.Urgent, ReceivedAt = Start.AddHours(3) },
            "TS202611230002", Start.AddHours(3));

        Assert.True(Complaint.Merge(duplicate, survivor, "同一客户经 App 重复反映", At(Start.AddHours(3), Agent, StaffRole.IntakeAgent)).Succeeded);

        Assert.Equal(Urgency.Urgent, survivor.Urgency);
        Assert.Equal(contactBefore, survivor.RunningClocks.Single(c => c.Kind == ClockKind.CustomerContact)); // 2 h from 09:30 beats 30 min from 12:30
        Assert.Contains("紧急程度由一般升为紧急", survivor.Timeline[^1].Summary);
    }

    [Fact]
    public void A_person_who_may_not_merge_the_duplicate_changes_neither_complaint()
    {
        var survivor = HallComplaint();
        var duplicate = HotlineDuplicate(Urgency.Urgent);
        var (survivorRevision, duplicateRevision) = (survivor.Revision, duplicate.Revision);

        var colleague = At(Start.AddHours(2), new Actor("u-other", "同事"), StaffRole.Handler); // same department, neither owner nor first responder
        var refused = Complaint.Merge(duplicate, survivor, "重复", colleague);

        Assert.False(refused.Succeeded);
        Assert.Equal((survivorRevision, duplicateRevision, Urgency.Normal), (survivor.Revision, duplicate.Revision, survivor.Urgency));
        Assert.Empty(survivor.MergedFrom);
    }

    [Fact]
    public void A_closed_complaint_or_the_complaint_itself_cannot_take_a_duplicate()
    {
        var closed = In(Stage.Closed);
        var duplicate = HotlineDuplicate();

        var intoClosed = Complaint.Merge(duplicate, closed, "重复", At(Start.AddHours(2), Agent, StaffRole.IntakeAgent));
        var intoItself = Complaint.Merge(duplicate, duplicate, "重复", At(Start.AddHours(2), Agent, StaffRole.IntakeAgent));

        Assert.Equal("投诉 TS202611230001 当前为“已办结”，不能并入", intoClosed.Errors.Single().Message);
        Assert.Equal("不能合并到本投诉自身", intoItself.Errors.Single().Message);
        Assert.Equal(Stage.Intake, duplicate.Stage);
    }
}
