using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The closed loop as a Stateless machine over <see cref="Complaint.Stage"/> (external state, so
/// EF Core persists the plain property). Every data rule of a step is a guard of its trigger,
/// so the machine itself refuses a step whose data is missing.
/// </summary>
public sealed partial class Complaint
{
    private StateMachine<Stage, LoopTrigger>? _machine;
    private Dictionary<LoopTrigger, StateMachine<Stage, LoopTrigger>.TriggerWithParameters>? _parameters;

    private static readonly Lazy<StateMachineInfo> SharedInfo = new(() => new Complaint().Machine.GetInfo());

    /// <summary>The loop as configured: the source of the graph trainers and auditors see.</summary>
    public static StateMachineInfo LoopInfo => SharedInfo.Value;

    public static string LoopAsDot() => UmlDotGraph.Format(LoopInfo);

    public static string LoopAsMermaid() => MermaidGraph.Format(LoopInfo, MermaidGraphDirection.LeftToRight);

    /// <summary>
    /// The triggers the loop permits in this complaint's stage at <paramref name="now"/> that this
    /// person may use, by role and by how they stand to the complaint. A second revisit is not
    /// offered before its 7 days have passed; taking over is not offered to the handler.
    /// </summary>
    public IReadOnlyList<LoopTrigger> AvailableTriggers(Actor person, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset now)
    {
        var relation = LoopPermissions.RelationOf(this, person, roles, workplace);
        var revisitWaits = SecondRevisitWaitsUntil(now) is not null;
        return TriggersIn(Stage).Where(t => LoopPermissions.May(roles, relation, t)
            && !(t == LoopTrigger.Revisit && revisitWaits)
            && !(t == LoopTrigger.TakeOver && relation.HasFlag(Relation.Owner))).ToList();
    }

    /// <summary>How this person stands to the complaint (owner, first responder, department, manager).</summary>
    public Relation RelationOf(Actor person, IReadOnlyCollection<StaffRole> roles, Workplace? workplace) =>
        LoopPermissions.RelationOf(this, person, roles, workplace);

    /// <summary>The triggers configured for a stage, in the order of <see cref="LoopTrigger"/>.</summary>
    public static IReadOnlyList<LoopTrigger> TriggersIn(Stage stage)
    {
        var state = LoopInfo.States.Single(s => (Stage)s.UnderlyingState == stage);
        return state.Transitions.Select(t => (LoopTrigger)t.Trigger.UnderlyingTrigger).Distinct().Order().ToList();
    }

    private StateMachine<Stage, LoopTrigger> Machine => _machine ??= BuildMachine();

    private StateMachine<Stage, LoopTrigger> BuildMachine()
    {
        var machine = new StateMachine<Stage, LoopTrigger>(() => Stage, s => Stage = s);
        _parameters = [];

        var dispatch = Parameters<DispatchOrder>(machine, LoopTrigger.Dispatch);
        var investigate = Parameters<InvestigationFindings>(machine, LoopTrigger.Investigate);
        var resolve = Parameters<ResolutionPlan>(machine, LoopTrigger.Resolve);
        var revisit = Parameters<RevisitRecord>(machine, LoopTrigger.Revisit);
        var improve = Parameters<ImprovementPlan>(machine, LoopTrigger.Improve);
        var waive = Parameters<ImprovementWaiver>(machine, LoopTrigger.WaiveImprovement);
        var reassign = Parameters<Reassignment>(machine, LoopTrigger.Reassign);
        var takeOver = Parameters<TakeOver>(machine, LoopTrigger.TakeOver);
        var note = Parameters<ProgressNote>(machine, LoopTrigger.AddNote);
        var merge = Parameters<MergeRequest>(machine, LoopTrigger.Merge);
        var withdraw = Parameters<Withdrawal>(machine, LoopTrigger.Withdraw);
        var reclassify = Parameters<Reclassification>(machine, LoopTrigger.Reclassify);
        var escalate = Parameters<EscalationRequest>(machine, LoopTrigger.Escalate);
        var extend = Parameters<DeadlineExtension>(machine, LoopTrigger.ExtendDeadline);
        var issue = Parameters<DocumentIssueRequest>(machine, LoopTrigger.IssueDocument);
        var attach = Parameters<EvidenceUpload>(machine, LoopTrigger.AttachEvidence);
        var remove = Parameters<EvidenceRemoval>(machine, LoopTrigger.RemoveEvidence);

        machine.Configure(Stage.Intake)
            .PermitIf(dispatch, Stage.Investigate, Guards(RulesFor<DispatchOrder>()))
            .PermitIf(merge, Stage.Merged, Guards(RulesFor<MergeRequest>()))
            .PermitIf(withdraw, Stage.Withdrawn, Guards(RulesFor<Withdrawal>()))
            .PermitIf(reclassify, Stage.Reclassified, Guards(RulesFor<Reclassification>()));

        machine.Configure(Stage.Investigate)
            .PermitIf(investigate, Stage.Resolve, Guards(RulesFor<InvestigationFindings>()))
            .PermitIf(merge, Stage.Merged, Guards(RulesFor<MergeRequest>()))
            .PermitIf(withdraw, Stage.Withdrawn, Guards(RulesFor<Withdrawal>()))
            .PermitIf(reclassify, Stage.Reclassified, Guards(RulesFor<Reclassification>()));

        machine.Configure(Stage.Resolve)
            .PermitIf(resolve, Stage.Revisit, Guards(RulesFor<ResolutionPlan>()))
            .PermitIf(merge, Stage.Merged, Guards(RulesFor<MergeRequest>()))
            .PermitIf(withdraw, Stage.Withdrawn, Guards(RulesFor<Withdrawal>()));

        machine.Configure(Stage.Revisit)
            .PermitDynamicIf(revisit, AfterRevisit, RevisitOutcomes, Guards(RulesFor<RevisitRecord>()))
            .PermitIf(withdraw, Stage.Withdrawn, Guards(RulesFor<Withdrawal>()));

        machine.Configure(Stage.Improve)
            .PermitIf(improve, Stage.Closed, Guards(RulesFor<ImprovementPlan>()))
            .PermitIf(waive, Stage.Closed, Guards(RulesFor<ImprovementWaiver>()));

        foreach (var stage in StageExtensions.LoopStages)
        {
            var state = machine.Configure(stage);
            state.InternalTransitionIf(note, s => AllHold(s, RulesFor<ProgressNote>()), (_, _) => { }, "进度说明填写完整");
            if (stage != Stage.Intake)
            {
                state.InternalTransitionIf(reassign, s => AllHold(s, RulesFor<Reassignment>()), (_, _) => { }, "新处理人、部门和原因齐全");
                state.InternalTransitionIf(takeOver, s => AllHold(s, RulesFor<TakeOver>()), (_, _) => { }, "接手人不是现处理人且写明原因");
            }
            state.InternalTransitionIf(escalate, s => AllHold(s, RulesFor<EscalationRequest>()), (_, _) => { }, "升级层级高于当前且写明原因");
            state.InternalTransitionIf(extend, s => AllHold(s, RulesFor<DeadlineExtension>()), (_, _) => { }, "时限在计时中，新时限更晚且写明原因");
        }

        // Documents can be issued at any point, closed complaints included (a case file for an audit).
        foreach (var stage in Enum.GetValues<Stage>())
            machine.Configure(stage).InternalTransitionIf(issue, s => AllHold(s, RulesFor<DocumentIssueRequest>()), (_, _) => { }, "文书适用于本投诉且内容完整；重新签发须写明原因且内容有变化");

        // Evidence, likewise at any point: what turns up after closing still belongs to the record.
        foreach (var stage in Enum.GetValues<Stage>())
        {
            machine.Configure(stage).InternalTransitionIf(attach, s => AllHold(s, RulesFor<EvidenceUpload>()), (_, _) => { }, "文件类型、大小合规且未重复上传");
            machine.Configure(stage).InternalTransitionIf(remove, s => AllHold(s, RulesFor<EvidenceRemoval>()), (_, _) => { }, "由上传人或管理人员写明原因；原件保留");
        }

        return machine;
    }

    private static readonly DynamicStateInfos RevisitOutcomes = new()
    {
        { Stage.Revisit.ToString(), "首次回访满意，或未联系到客户" },
        { Stage.Resolve.ToString(), "客户不满意，重新处理" },
        { Stage.Improve.ToString(), "二次回访满意" },
    };

    /// <summary>Decided before the revisit is recorded, so the round is the one this revisit answers.</summary>
    private Stage AfterRevisit(Submission<RevisitRecord> submission) => submission.Data switch
    {
        { IsDissatisfied: true } => Stage.Resolve,
        { IsSatisfied: true } when DueRevisitRound == RevisitRound.Second => Stage.Improve,
        _ => Stage.Revisit,
    };

    /// <summary>A step's data rules, lifted to its submission, plus the rules that need the complaint or the clock.</summary>
    private IReadOnlyList<FieldRule<Submission<T>>> RulesFor<T>() where T : IStepData<T>
    {
        var dataRules = T.Rules.Select(r => new FieldRule<Submission<T>>(r.Field, s => r.Holds(s.Data), r.Message));
        return [.. dataRules, .. ComplaintRules<T>()];
    }

    private IEnumerable<FieldRule<Submission<T>>> ComplaintRules<T>()
    {
        foreach (var rule in StepContext.NoteRules)
            yield return new(rule.Field, s => rule.Holds(s.Context), rule.Message);
        foreach (var rule in EvidenceRules<T>())
            yield return rule;
        if (typeof(T) == typeof(ResolutionPlan))
            yield return new(nameof(ResolutionPlan.CommittedBy),
                s => (s.Data as ResolutionPlan)?.CommittedBy is not { } by || (by >= RegisteredAt.AddMinutes(-1) && by <= s.Context.At.AddYears(1)),
                "承诺完成时间须在受理之后、一年之内");
        if (typeof(T) == typeof(ImprovementPlan) || typeof(T) == typeof(ImprovementWaiver))
            yield return new("", _ => Channel != Channel.Regulator12398 || _documents.Any(d => d.Kind == Documents.DocumentKind.Reply12398),
                "12398 投诉须先签发《12398能源监管热线投诉处理情况回复》，才能办结");
        if (typeof(T) == typeof(DocumentIssueRequest))
        {
            yield return new("", _ => !IsAnonymised, AnonymisedNoDocuments);
            yield return new("", s => s.Data is not DocumentIssueRequest { Kind: var kind } || Documents.ComplaintDocuments.AppliesTo(kind, this),
                "本投诉不适用该文书，不能签发");
            yield return new("", s => s.Data is not DocumentIssueRequest { Kind: var kind } || Documents.ComplaintDocuments.Missing(kind, this).Count == 0,
                "文书内容不完整，不能签发");
            yield return new(nameof(DocumentIssueRequest.Reason), s => s.Data is not DocumentIssueRequest { Kind: var kind } request
                || NextDocumentVersion(kind) == 1 || TextRules.Present(request.Reason),
                "重新签发须说明原因（如更正内容）");
            // One rule per kind already issued, so the message names the version the content repeats.
            foreach (var last in _documents.GroupBy(d => d.Kind).Select(g => g.MaxBy(d => d.Version)!).Where(d => d.ContentSha256 is not null))
                yield return new("", s => s.Data is not DocumentIssueRequest request || request.Kind != last.Kind || !RepeatsLastIssue(request),
                    $"内容与第 {last.Version} 版相同，无需重新签发");
        }
        if (typeof(T) == typeof(TakeOver))
            yield return new("", s => s.Context.By.UserId != Owner.UserId, "您已是本投诉的处理人，无需接手");
        if (typeof(T) == typeof(EscalationRequest))
            yield return new(nameof(EscalationRequest.To), s => (s.Data as EscalationRequest)?.To is not { } to || to > Escalation,
                "只能升级到比当前更高的层级");
        if (typeof(T) == typeof(DeadlineExtension))
        {
            yield return new(nameof(DeadlineExtension.Clock), s => (s.Data as DeadlineExtension)?.Clock is not { } kind || RunningClocks.Any(c => c.Kind == kind),
                "该时限当前未在计时，不能延长");
            yield return new(nameof(DeadlineExtension.NewDue), s => s.Data is not DeadlineExtension { Clock: { } kind, NewDue: { } due }
                || RunningClocks.LastOrDefault(c => c.Kind == kind) is not { } clock || due > clock.DueAt,
                "延长后的时限须晚于原时限");
        }
        if (typeof(T) == typeof(RevisitRecord))
            yield return new("", s => DueRevisitRound == RevisitRound.First || s.Context.At >= SecondRevisitEarliest,
                DueRevisitRound == RevisitRound.Second && SecondRevisitEarliest is { } earliest
                    ? SecondRevisitNotYet(earliest)
                    : "二次回访须在解决后满 7 天进行");
    }

    /// <summary>The content about to be issued is that of the last issued version of its kind.</summary>
    private bool RepeatsLastIssue(DocumentIssueRequest request) =>
        _documents.LastOrDefault(d => d.Kind == request.Kind) is { ContentSha256: { } content }
        && string.Equals(request.ContentSha256, content, StringComparison.OrdinalIgnoreCase);

    private static Tuple<Func<Submission<T>, bool>, string>[] Guards<T>(IReadOnlyList<FieldRule<Submission<T>>> rules) =>
        rules.Select(r => Tuple.Create(r.Holds, r.Message)).ToArray();

    private static bool AllHold<T>(T value, IReadOnlyList<FieldRule<T>> rules) => rules.All(r => r.Holds(value));

    private StateMachine<Stage, LoopTrigger>.TriggerWithParameters<Submission<T>> Parameters<T>(StateMachine<Stage, LoopTrigger> machine, LoopTrigger trigger)
    {
        var parameters = machine.SetTriggerParameters<Submission<T>>(trigger);
        _parameters![trigger] = parameters;
        return parameters;
    }

    /// <summary>
    /// Fires a step: the role may use it, the machine permits it now with this data, then the
    /// data is applied and the timeline appended. A refusal leaves the complaint untouched.
    /// </summary>
    private StepResult Fire<T>(LoopTrigger trigger, T data, StepContext context, Action apply, Func<string> summary) where T : IStepData<T>
    {
        if (LoopPermissions.Refusal(this, trigger, context.By, context.Roles, context.Workplace) is { } refusal)
            return StepResult.Refused(refusal);

        if (!TriggersIn(Stage).Contains(trigger))
            return StepResult.Refused($"投诉当前处于“{Labels.Of(Stage)}”，不能{Labels.Of(trigger)}");

        var machine = Machine;
        var parameters = (StateMachine<Stage, LoopTrigger>.TriggerWithParameters<Submission<T>>)_parameters![trigger];
        var submission = new Submission<T>(data, context);
        if (!machine.CanFire(parameters, submission))
            return StepResult.Refused(FieldRule<Submission<T>>.Check(submission, RulesFor<T>()));

        var from = Stage;
        machine.Fire(parameters, submission);
        apply();
        RefreshSecondRevisit();
        AdvanceClocks(trigger, data, context);
        Append(trigger, context, from, summary());
        return StepResult.Success;
    }
}
