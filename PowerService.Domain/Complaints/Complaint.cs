using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Domain.Time;

namespace PowerService.Domain.Complaints;

/// <summary>
/// A complaint and its closed loop. State changes only through the intent-named methods below,
/// each of which fires the aggregate's Stateless machine (see Complaint.Loop.cs) and appends a
/// timeline event. A refused step changes nothing.
/// </summary>
public sealed partial class Complaint
{
    private List<TimelineEvent> _timeline = [];
    private List<RevisitEntry> _revisits = [];

    private Complaint() { } // for EF Core

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public Stage Stage { get; private set; }

    /// <summary>Counts every change; the concurrency token that tells two editors apart.</summary>
    public int Revision { get; private set; }

    /// <summary>Identifies the intake form that created this complaint, so a double submit creates one.</summary>
    public Guid IntakeToken { get; private set; }

    public Channel Channel { get; private set; }
    public string? UpstreamReference { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public Customer Customer { get; private set; } = null!;
    public Category Category { get; private set; }
    public string SubCategory { get; private set; } = "";
    public Urgency Urgency { get; private set; }
    public string Content { get; private set; } = "";
    public string Demands { get; private set; } = "";
    public string ExpectedOutcome { get; private set; } = "";
    public ComplainantProfile Profile { get; private set; }

    /// <summary>首问责任人: whoever took the complaint first stays responsible to the end.</summary>
    public Actor FirstResponder { get; private set; } = null!;

    public Actor Owner { get; private set; } = null!;
    public string Department { get; private set; } = "";

    public InvestigationFindings? Investigation { get; private set; }
    public ResolutionPlan? Resolution { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>
    /// Working minutes from receipt to the latest resolution, measured with the calendar and business
    /// hours in force when it was resolved (like a clock's limit, it does not move with later policy).
    /// </summary>
    public int? HandlingWorkingMinutes { get; private set; }

    /// <summary>How often an unsatisfied revisit sent the complaint back to resolution.</summary>
    public int ReopenCount { get; private set; }

    public IReadOnlyList<RevisitEntry> Revisits => _revisits;
    public ImprovementPlan? Improvement { get; private set; }
    public string? ImprovementWaiverReason { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why the complaint left the loop early (merged, withdrawn, reclassified).</summary>
    public string? EndReason { get; private set; }
    public string? MergedInto { get; private set; }

    /// <summary>Why the complaint is a public-opinion risk (舆情), as flagged at registration; null when it is not.</summary>
    public string? PublicOpinion { get; private set; }
    public ReclassifiedAs? ReclassifiedAs { get; private set; }

    public IReadOnlyList<TimelineEvent> Timeline => _timeline.AsReadOnly();

    private List<Documents.DocumentIssue> _documents = [];

    /// <summary>Documents signed off and frozen, every version kept.</summary>
    public IReadOnlyList<Documents.DocumentIssue> IssuedDocuments => _documents;

    /// <summary>The version the next issue of this kind will be: 1 for the first, then one more each time.</summary>
    public int NextDocumentVersion(Documents.DocumentKind kind) => _documents.Count(d => d.Kind == kind) + 1;

    /// <summary>
    /// Records that a manager issued a document. A reissue is the next version and needs a reason;
    /// content identical to the last issued version of that kind is refused as a duplicate.
    /// </summary>
    public StepResult IssueDocument(DocumentIssueRequest request, StepContext context)
    {
        if (WordingRefusal(request, context) is { } wording) return StepResult.Refused([wording]);
        var version = NextDocumentVersion(request.Kind);
        var reason = version > 1 ? TextRules.Clean(request.Reason) : null;
        var overridden = request.IsLetter && request.Forbidden is { Count: > 0 } found
            ? $"；含服务忌语“{string.Join("”“", found)}”，管理人员签发理由：{Shorten(TextRules.Clean(request.WordingOverride)!)}" : "";
        return Fire(LoopTrigger.IssueDocument, request, context,
            () => _documents = [.. _documents, new Documents.DocumentIssue(request.Kind, version, request.Sha256!.ToLowerInvariant(), context.At.ToUniversalTime(), context.By,
                reason, request.ContentSha256!.ToLowerInvariant())],
            () => $"签发《{Documents.ComplaintDocuments.TitleOf(request.Kind)}》第 {version} 版"
                  + (reason is null ? "" : $"，重新签发原因：{Shorten(reason)}")
                  + $"，SHA-256 {request.Sha256!.ToLowerInvariant()}" + overridden);
    }

    /// <summary>
    /// A customer letter or 12398 reply holding a forbidden service phrase is issued only by a manager
    /// who states why (docs/domain.md §6); the reason goes on the timeline with the phrases.
    /// </summary>
    private static Text.FieldError? WordingRefusal(DocumentIssueRequest request, StepContext context)
    {
        if (!request.IsLetter || request.Forbidden is not { Count: > 0 } found) return null;
        var phrases = $"“{string.Join("”“", found)}”";
        if (!context.Roles.Contains(Staff.StaffRole.Manager))
            return new(nameof(DocumentIssueRequest.WordingOverride), $"文书含服务忌语{phrases}，只有管理人员可以说明理由后签发");
        return TextRules.AtLeast(request.WordingOverride, 4) ? null
            : new(nameof(DocumentIssueRequest.WordingOverride), $"文书含服务忌语{phrases}，请修改相关记录后再签发；如确需原样签发，请填写签发理由（至少 4 个字）");
    }

    public bool IsFirstTimeResolved => ReopenCount == 0;

    /// <summary>
    /// Records the handling time of a resolved complaint in working minutes; also how complaints resolved
    /// before it was kept get theirs (with today's calendar). Returns whether it changed.
    /// </summary>
    public bool MeasureHandlingTime(Time.WorkingCalendar? calendar, Time.BusinessHours? hours)
    {
        if (ResolvedAt is not { } resolved || calendar is null || hours is null) return false;
        var minutes = (int)Math.Round(Sla.Deadlines.WorkingTimeBetween(ReceivedAt, resolved, calendar, hours).TotalMinutes);
        if (minutes == HandlingWorkingMinutes) return false;
        HandlingWorkingMinutes = minutes;
        return true;
    }

    /// <summary>
    /// Registers a complaint from an intake form. The registering person becomes the first
    /// responder and the first owner, in their own department, until it is dispatched.
    /// </summary>
    /// <remarks>
    /// A public-opinion risk (<paramref name="opinion"/>) raises the urgency to at least 紧急 before the
    /// clocks start, so its limits are the urgent ones, and escalates the complaint to company level.
    /// </remarks>
    public static StepResult<Complaint> Register(ComplaintIntake intake, string number, Guid intakeToken, string department, StepContext context,
        string? repeatOf = null, WorkOrders.PublicOpinionFlag? opinion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        if (!LoopPermissions.MayRegister(context.Roles)) return new(null, StepResult.Refused("您的角色无权登记投诉"));
        var errors = intake.Check(context.At).Concat(FieldRule<StepContext>.Check(context, StepContext.NoteRules)).ToList();
        if (errors.Count > 0) return new(null, StepResult.Refused(errors));

        var complaint = new Complaint
        {
            Number = number,
            Stage = Stage.Intake,
            IntakeToken = intakeToken,
            Channel = intake.Channel!.Value,
            UpstreamReference = TextRules.Clean(intake.UpstreamReference),
            ReceivedAt = intake.ReceivedAt!.Value.ToUniversalTime(),
            RegisteredAt = context.At.ToUniversalTime(),
            Customer = intake.ToCustomer(),
            Category = intake.Category!.Value,
            SubCategory = intake.SubCategory!,
            Urgency = opinion?.IsRaised == true && intake.Urgency < Urgency.Urgent ? Urgency.Urgent : intake.Urgency!.Value,
            PublicOpinion = opinion?.IsRaised == true ? opinion.Reason : null,
            Content = intake.Content!.Trim(),
            Demands = intake.Demands!.Trim(),
            ExpectedOutcome = intake.ExpectedOutcome!.Trim(),
            Profile = intake.Profile!.Value,
            FirstResponder = context.By,
            Owner = context.By,
            Department = department,
        };
        complaint.Append(null, context, null, $"{Labels.Of(complaint.Channel)}受理，{Labels.Of(complaint.Category)} / {complaint.SubCategory}，{Labels.Of(complaint.Urgency)}"
            + (complaint.Urgency != intake.Urgency ? $"（登记为{Labels.Of(intake.Urgency!.Value)}，因舆情风险提高）" : ""));
        complaint.OpenClocksAndLevel(context, repeatOf);
        return new(complaint, StepResult.Success);
    }

    public StepResult Dispatch(DispatchOrder order, StepContext context) =>
        Fire(LoopTrigger.Dispatch, order, context, () =>
        {
            Owner = order.Handler!;
            Department = order.Department!.Trim();
        }, () => $"派至{Department}，处理人：{Owner.DisplayName}" + (order.Rule is { } rule ? $"（{rule}）" : ""));

    public StepResult Investigate(InvestigationFindings findings, StepContext context) =>
        Fire(LoopTrigger.Investigate, findings, context, () => Investigation = findings,
            () => $"责任认定：{Labels.Of(findings.Responsibility!.Value)}；原因：{Shorten(findings.Cause)}");

    public StepResult Resolve(ResolutionPlan plan, StepContext context) =>
        Fire(LoopTrigger.Resolve, plan, context, () =>
        {
            Resolution = plan;
            ResolvedAt = context.At.ToUniversalTime();
            MeasureHandlingTime(context.Sla?.Calendar, context.Sla?.Hours);
        }, () => $"解决方案：{Shorten(plan.Solution)}；补偿：{Labels.Of(plan.Compensation!.Kind)}");

    /// <summary>
    /// Records a revisit. Which round it is follows from the record: the first after each
    /// resolution, then the second. A dissatisfied customer re-opens the resolution.
    /// </summary>
    public StepResult Revisit(RevisitRecord record, StepContext context)
    {
        var round = DueRevisitRound;
        return Fire(LoopTrigger.Revisit, record, context, () =>
        {
            _revisits = [.. _revisits, new RevisitEntry(round, record, context.By, context.At.ToUniversalTime())];
            if (record.IsDissatisfied) ReopenCount++;
        }, () => RevisitSummary(round, record));
    }

    public StepResult Improve(ImprovementPlan plan, StepContext context) =>
        Fire(LoopTrigger.Improve, plan, context, () =>
        {
            Improvement = plan;
            ClosedAt = context.At.ToUniversalTime();
        }, () => $"根本原因：{Shorten(plan.RootCause)}；整改措施 {plan.Actions.Count} 项");

    public StepResult WaiveImprovement(ImprovementWaiver waiver, StepContext context) =>
        Fire(LoopTrigger.WaiveImprovement, waiver, context, () =>
        {
            ImprovementWaiverReason = waiver.Reason!.Trim();
            ClosedAt = context.At.ToUniversalTime();
        }, () => $"管理人员批准无需整改：{Shorten(waiver.Reason)}");

    public StepResult Reassign(Reassignment reassignment, StepContext context) =>
        Fire(LoopTrigger.Reassign, reassignment, context, () =>
        {
            Owner = reassignment.Handler!;
            Department = reassignment.Department!.Trim();
        }, () => $"转派至{Department}，处理人：{Owner.DisplayName}；原因：{Shorten(reassignment.Reason)}");

    /// <summary>A colleague (or manager) takes the complaint over; the former handler reads why on the timeline.</summary>
    public StepResult TakeOver(TakeOver takeOver, StepContext context)
    {
        var from = Owner;
        return Fire(LoopTrigger.TakeOver, takeOver, context, () => Owner = context.By,
            () => $"{context.By.DisplayName} 接手办理（原处理人：{from.DisplayName}）；原因：{Labels.Of(takeOver.Reason!.Value)}"
                  + (TextRules.Present(takeOver.Explanation) ? $"，{Shorten(takeOver.Explanation)}" : ""));
    }

    public StepResult AddNote(ProgressNote note, StepContext context) =>
        Fire(LoopTrigger.AddNote, note, context, () => { }, () => note.Text!.Trim());

    public StepResult MergeInto(MergeRequest request, StepContext context)
    {
        if (ComplaintNumber.TryParse(request.IntoNumber, out var into) && into == Number)
            return StepResult.Refused([new(nameof(MergeRequest.IntoNumber), "不能合并到本投诉自身")]);
        return Fire(LoopTrigger.Merge, request, context, () =>
        {
            MergedInto = into;
            EndReason = request.Reason!.Trim();
        }, () => $"合并至 {MergedInto}：{Shorten(EndReason)}");
    }

    public StepResult Withdraw(Withdrawal withdrawal, StepContext context) =>
        Fire(LoopTrigger.Withdraw, withdrawal, context, () => EndReason = withdrawal.Reason!.Trim(),
            () => $"客户撤诉（{withdrawal.HowConfirmed!.Trim()}确认）：{Shorten(EndReason)}");

    public StepResult Reclassify(Reclassification reclassification, StepContext context) =>
        Fire(LoopTrigger.Reclassify, reclassification, context, () =>
        {
            ReclassifiedAs = reclassification.As;
            EndReason = reclassification.Reason!.Trim();
        }, () => $"转为{Labels.Of(reclassification.As!.Value)}：{Shorten(EndReason)}");

    /// <summary>The revisit round the next revisit will be: the first after each resolution, then the second.</summary>
    public RevisitRound DueRevisitRound =>
        _revisits.Any(r => r.At >= ResolvedAt && r.Round == RevisitRound.First && r.Record.IsSatisfied)
            ? RevisitRound.Second
            : RevisitRound.First;

    /// <summary>The second revisit confirms nothing remains, so it waits 7 days after resolution (公司投诉处理办法, docs/domain.md §2).</summary>
    public DateTimeOffset? SecondRevisitEarliest => ResolvedAt?.AddDays(7);

    /// <summary>
    /// While the second revisit is the step due: when it becomes possible (null otherwise). Kept
    /// with every step, so the queue can find the complaints whose second revisit has fallen due.
    /// </summary>
    public DateTimeOffset? SecondRevisitOpensAt { get; private set; }

    /// <summary>When the second revisit is due but its 7 days have not passed at <paramref name="now"/>: the instant it becomes possible.</summary>
    public DateTimeOffset? SecondRevisitWaitsUntil(DateTimeOffset now) =>
        Stage == Stage.Revisit && DueRevisitRound == RevisitRound.Second && SecondRevisitEarliest is { } earliest && now < earliest
            ? earliest
            : null;

    /// <summary>Why a second revisit cannot be recorded yet: the reason of the refusal and the action panel's line.</summary>
    public static string SecondRevisitNotYet(DateTimeOffset earliest) =>
        $"二次回访须在 {ChinaTime.Format(earliest)} 之后进行（解决后满 7 天）";

    private void RefreshSecondRevisit() =>
        SecondRevisitOpensAt = Stage == Stage.Revisit && DueRevisitRound == RevisitRound.Second ? SecondRevisitEarliest : null;

    private void Append(LoopTrigger? trigger, StepContext context, Stage? from, string summary)
    {
        Revision++;
        RefreshQueueKey();
        var previous = _timeline.Count == 0 ? null : _timeline.MaxBy(e => e.Sequence)!.Hash;
        _timeline.Add(new TimelineEvent(_timeline.Count + 1, trigger, context.By, context.At.ToUniversalTime(), from, Stage, summary, TextRules.Clean(context.Note), previous));
    }

    /// <summary>The first timeline entry that fails its seal (edited, removed or inserted after the fact), or null when the record proves itself.</summary>
    public int? FirstTamperedEvent => TimelineSeal.FirstBroken(_timeline);

    /// <summary>Seals entries recorded before sealing existed, in order; returns how many. Sealed entries are never touched.</summary>
    public int SealLegacyTimeline()
    {
        var sealedNow = 0;
        string? previous = null;
        foreach (var e in _timeline.OrderBy(e => e.Sequence))
        {
            if (e.Hash is null) { e.SealLegacy(previous); sealedNow++; }
            previous = e.Hash;
        }
        return sealedNow;
    }

    private static string RevisitSummary(RevisitRound round, RevisitRecord record) =>
        !record.Reached
            ? $"{Labels.Of(round)}：{Labels.Of(record.Method)}未联系到客户"
            : $"{Labels.Of(round)}：{Labels.Of(record.Method)}回访，客户{Labels.Of(record.Satisfaction!.Value)}"
              + (record.IsDissatisfied ? "，重新进入解决处理" : "");

    /// <summary>A typed sentence as a clause of a summary: shortened, without its closing punctuation (no "。；").</summary>
    private static string Shorten(string? text, int max = 60)
    {
        var t = (text ?? "").Trim().TrimEnd('。', '；', '，', '.', ';', ',', '！', '!');
        return t.Length <= max ? t : t[..max] + "…";
    }
}

/// <summary>A revisit as recorded: its round, what was found, by whom and when.</summary>
public sealed record RevisitEntry(RevisitRound Round, RevisitRecord Record, Actor By, DateTimeOffset At);
