using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Domain.Evidence;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>Every trigger in every stage, with valid data: permitted where the loop allows it, refused elsewhere.</summary>
public class ComplaintTransitionTests
{
    private static readonly Dictionary<Stage, Dictionary<LoopTrigger, Stage>> Permitted = new()
    {
        [Stage.Intake] = new()
        {
            [LoopTrigger.Dispatch] = Stage.Investigate, [LoopTrigger.Merge] = Stage.Merged, [LoopTrigger.Withdraw] = Stage.Withdrawn,
            [LoopTrigger.Reclassify] = Stage.Reclassified, [LoopTrigger.AddNote] = Stage.Intake, [LoopTrigger.Escalate] = Stage.Intake, [LoopTrigger.ExtendDeadline] = Stage.Intake, [LoopTrigger.IssueDocument] = Stage.Intake, [LoopTrigger.AttachEvidence] = Stage.Intake, [LoopTrigger.RemoveEvidence] = Stage.Intake,
        },
        [Stage.Investigate] = new()
        {
            [LoopTrigger.Investigate] = Stage.Resolve, [LoopTrigger.Merge] = Stage.Merged, [LoopTrigger.Withdraw] = Stage.Withdrawn,
            [LoopTrigger.Reclassify] = Stage.Reclassified, [LoopTrigger.AddNote] = Stage.Investigate, [LoopTrigger.Escalate] = Stage.Investigate, [LoopTrigger.ExtendDeadline] = Stage.Investigate, [LoopTrigger.IssueDocument] = Stage.Investigate, [LoopTrigger.AttachEvidence] = Stage.Investigate, [LoopTrigger.RemoveEvidence] = Stage.Investigate, [LoopTrigger.Reassign] = Stage.Investigate, [LoopTrigger.TakeOver] = Stage.Investigate,
        },
        [Stage.Resolve] = new()
        {
            [LoopTrigger.Resolve] = Stage.Revisit, [LoopTrigger.Merge] = Stage.Merged, [LoopTrigger.Withdraw] = Stage.Withdrawn,
            [LoopTrigger.AddNote] = Stage.Resolve, [LoopTrigger.Escalate] = Stage.Resolve, [LoopTrigger.ExtendDeadline] = Stage.Resolve, [LoopTrigger.IssueDocument] = Stage.Resolve, [LoopTrigger.AttachEvidence] = Stage.Resolve, [LoopTrigger.RemoveEvidence] = Stage.Resolve, [LoopTrigger.Reassign] = Stage.Resolve, [LoopTrigger.TakeOver] = Stage.Resolve,
        },
        [Stage.Revisit] = new()
        {
            [LoopTrigger.Revisit] = Stage.Revisit, [LoopTrigger.Withdraw] = Stage.Withdrawn,
            [LoopTrigger.AddNote] = Stage.Revisit, [LoopTrigger.Escalate] = Stage.Revisit, [LoopTrigger.ExtendDeadline] = Stage.Revisit, [LoopTrigger.IssueDocument] = Stage.Revisit, [LoopTrigger.AttachEvidence] = Stage.Revisit, [LoopTrigger.RemoveEvidence] = Stage.Revisit, [LoopTrigger.Reassign] = Stage.Revisit, [LoopTrigger.TakeOver] = Stage.Revisit,
        },
        [Stage.Improve] = new()
        {
            [LoopTrigger.Improve] = Stage.Closed, [LoopTrigger.WaiveImprovement] = Stage.Closed,
            [LoopTrigger.AddNote] = Stage.Improve, [LoopTrigger.Escalate] = Stage.Improve, [LoopTrigger.ExtendDeadline] = Stage.Improve, [LoopTrigger.IssueDocument] = Stage.Improve, [LoopTrigger.AttachEvidence] = Stage.Improve, [LoopTrigger.RemoveEvidence] = Stage.Improve, [LoopTrigger.Reassign] = Stage.Improve, [LoopTrigger.TakeOver] = Stage.Improve,
        },
        // Closed and side-ended complaints only take documents (a case file for an audit) and evidence.
        [Stage.Closed] = new() { [LoopTrigger.IssueDocument] = Stage.Closed, [LoopTrigger.AttachEvidence] = Stage.Closed, [LoopTrigger.RemoveEvidence] = Stage.Closed },
        [Stage.Merged] = new() { [LoopTrigger.IssueDocument] = Stage.Merged, [LoopTrigger.AttachEvidence] = Stage.Merged, [LoopTrigger.RemoveEvidence] = Stage.Merged },
        [Stage.Withdrawn] = new() { [LoopTrigger.IssueDocument] = Stage.Withdrawn, [LoopTrigger.AttachEvidence] = Stage.Withdrawn, [LoopTrigger.RemoveEvidence] = Stage.Withdrawn },
        [Stage.Reclassified] = new() { [LoopTrigger.IssueDocument] = Stage.Reclassified, [LoopTrigger.AttachEvidence] = Stage.Reclassified, [LoopTrigger.RemoveEvidence] = Stage.Reclassified },
    };

    public static TheoryData<Stage, LoopTrigger> AllPairs()
    {
        var data = new TheoryData<Stage, LoopTrigger>();
        foreach (var stage in Enum.GetValues<Stage>())
            foreach (var trigger in Enum.GetValues<LoopTrigger>().Where(t => t != LoopTrigger.Anonymise)) // the system's, not a step of the loop: AnonymiseTests
                data.Add(stage, trigger);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Trigger_with_valid_data_is_permitted_exactly_where_the_loop_allows_it(Stage stage, LoopTrigger trigger)
    {
        var complaint = Prepared(In(stage), trigger);
        var eventsBefore = complaint.Timeline.Count;

        var result = FireValid(complaint, trigger);

        if (Permitted[stage].TryGetValue(trigger, out var destination))
        {
            Assert.True(result.Succeeded, string.Join("；", result.Reasons));
            Assert.Equal(destination, complaint.Stage);
            Assert.Equal(eventsBefore + 1, complaint.Timeline.Count);
            var last = complaint.Timeline[^1];
            Assert.Equal((trigger, stage, destination), (last.Trigger!.Value, last.FromStage!.Value, last.ToStage));
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.Equal($"投诉当前处于“{PowerService.Domain.Labels.Of(stage)}”，不能{PowerService.Domain.Labels.Of(trigger)}", Assert.Single(result.Reasons));
            Assert.Equal(stage, complaint.Stage);
            Assert.Equal(eventsBefore, complaint.Timeline.Count);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Triggers_offered_in_a_stage_are_exactly_the_permitted_ones(Stage stage, LoopTrigger trigger)
    {
        Assert.Equal(Permitted[stage].ContainsKey(trigger), Complaint.TriggersIn(stage).Contains(trigger));
    }

    /// <summary>A complaint ready for <paramref name="trigger"/>'s valid data: removing evidence needs evidence #1 attached.</summary>
    internal static Complaint Prepared(Complaint c, LoopTrigger trigger) =>
        trigger == LoopTrigger.RemoveEvidence ? Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(), At(Start.AddHours(29)))) : c;

    internal static StepResult FireValid(Complaint c, LoopTrigger trigger)
    {
        var ctx = At(Start.AddHours(30));
        return trigger switch
        {
            LoopTrigger.Dispatch => c.Dispatch(Dispatch, ctx),
            LoopTrigger.Investigate => c.Investigate(Findings, ctx),
            LoopTrigger.Resolve => c.Resolve(Resolution(Start.AddHours(28)), ctx),
            LoopTrigger.Revisit => c.Revisit(Satisfied, ctx),
            LoopTrigger.Improve => c.Improve(Plan, At(Start.AddDays(20))),
            LoopTrigger.WaiveImprovement => c.WaiveImprovement(new ImprovementWaiver("系统原因已在其他整改项目中处理完毕"), At(Start.AddDays(20))),
            LoopTrigger.Reassign => c.Reassign(new Reassignment(Manager, "营销部", "涉及计量专业"), ctx),
            LoopTrigger.TakeOver => c.TakeOver(new TakeOver(TakeOverReason.Absence, null), At(Start.AddHours(30), Manager)), // not by the owner
            LoopTrigger.AddNote => c.AddNote(new ProgressNote("已联系客户，约定明日上门"), ctx),
            LoopTrigger.Merge => c.MergeInto(new MergeRequest("TS202611220007", "重复来电"), ctx),
            LoopTrigger.Withdraw => c.Withdraw(new Withdrawal("客户表示已自行解决", "电话录音"), ctx),
            LoopTrigger.Reclassify => c.Reclassify(new Reclassification(ReclassifiedAs.Suggestion, "属于意见建议"), ctx),
            LoopTrigger.Escalate => c.Escalate(new EscalationRequest(PowerService.Domain.Sla.EscalationLevel.Company, PowerService.Domain.Sla.EscalationCause.Manual, "客户情绪激烈，经理提级督办"), ctx),
            LoopTrigger.IssueDocument => c.IssueDocument(new DocumentIssueRequest(PowerService.Domain.Documents.DocumentKind.CaseFile, new string('a', 64), new string('c', 64)), ctx),
            LoopTrigger.AttachEvidence => c.AttachEvidence(EvidenceBuilder.Photo(), ctx),
            LoopTrigger.RemoveEvidence => c.RemoveEvidence(new EvidenceRemoval(1, "上传错了文件"), ctx), // attached in Prepared
            LoopTrigger.ExtendDeadline => c.ExtendDeadline(new DeadlineExtension(
                c.RunningClocks.FirstOrDefault()?.Kind ?? PowerService.Domain.Sla.ClockKind.Handling,
                (c.RunningClocks.FirstOrDefault()?.DueAt ?? Start).AddDays(3), "涉及多部门联合调查，申请延期"), ctx),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };
    }
}
