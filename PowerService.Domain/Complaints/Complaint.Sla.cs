using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The complaint's deadlines and escalation. Clocks start and stop with the loop's steps, under the
/// schedule the step brings (<see cref="StepContext.Sla"/>); once started, a clock keeps its limit
/// whatever the policy becomes. Escalations and extensions are steps of their own, on the timeline.
/// </summary>
public sealed partial class Complaint
{
    private List<SlaClock> _clocks = [];

    public IReadOnlyList<SlaClock> Clocks => _clocks;

    /// <summary>The earliest due time of a running clock: what the queue sorts and filters by.</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    public EscalationLevel Escalation { get; private set; }

    /// <summary>
    /// When the deadline watcher should next look at this complaint. Every step sets it to the step's
    /// time (clocks may have started, stopped or moved); the watcher, having recorded what is due,
    /// sets it to <see cref="NextAlertAfter"/>. So a scan reads what is due, not every open complaint.
    /// Null while no clock runs.
    /// </summary>
    public DateTimeOffset? AlertCheckAt { get; private set; }

    /// <summary>The next instant a running clock passes a level (warning, critical, breach); null when none will.</summary>
    public DateTimeOffset? NextAlertAfter(DateTimeOffset now, ClockThresholds thresholds) =>
        RunningClocks.Select(c => c.NextLevelAfter(now, thresholds)).Min();

    public IEnumerable<SlaClock> RunningClocks => _clocks.Where(c => c.IsRunning);

    /// <summary>What the complaint is measured against now: the one-off clocks and the current round's handling and revisits.</summary>
    public IReadOnlyList<SlaClock> CurrentClocks => _clocks.Except(EarlierClocks).ToList();

    /// <summary>
    /// The handling and revisit clocks of rounds a re-opened resolution ended: everything of those
    /// kinds that started before handling last restarted (first response and contact run once).
    /// </summary>
    public IReadOnlyList<SlaClock> EarlierClocks
    {
        get
        {
            var reopened = _clocks.Where(c => c.Kind == ClockKind.Handling).Skip(1).Select(c => (DateTimeOffset?)c.StartedAt).Max();
            return reopened is { } at
                ? _clocks.Where(c => c.Kind is ClockKind.Handling or ClockKind.FirstRevisit or ClockKind.SecondRevisit && c.StartedAt < at).ToList()
                : [];
        }
    }

    public StepResult Escalate(EscalationRequest request, StepContext context) =>
        Fire(LoopTrigger.Escalate, request, context, () => Escalation = request.To!.Value,
            () => $"升级至{Labels.Of(request.To!.Value)}：{Shorten(request.Reason)}");

    public StepResult ExtendDeadline(DeadlineExtension extension, StepContext context) =>
        Fire(LoopTrigger.ExtendDeadline, extension, context,
            () => Replace(extension.Clock!.Value, c => c.ExtendTo(extension.NewDue!.Value.ToUniversalTime())),
            () => $"{Labels.Of(extension.Clock!.Value)}时限延长至 {ChinaTime.Format(extension.NewDue!.Value)}：{Shorten(extension.Reason)}");

    /// <summary>The level a complaint starts at: third-party and media channels start higher (docs/domain.md §4).</summary>
    public static EscalationLevel StartingLevel(Channel channel) =>
        channel is Channel.Regulator12398 or Channel.Government12345 or Channel.Media ? EscalationLevel.Department : EscalationLevel.Team;

    /// <summary>Starts the intake clocks and records an escalation the channel or a repeat calls for.</summary>
    private void OpenClocksAndLevel(StepContext context, string? repeatOf)
    {
        Start(ClockKind.FirstResponse, ReceivedAt, context);
        Start(ClockKind.CustomerContact, ReceivedAt, context);
        Start(ClockKind.Handling, ReceivedAt, context);
        RefreshNextDue();
        ScheduleAlertCheck(context.At);

        var level = StartingLevel(Channel);
        var reason = level > EscalationLevel.Team ? $"{Labels.Of(Channel)}投诉，按规定提级处理" : null;
        if (repeatOf is not null)
        {
            level = level == EscalationLevel.Team ? EscalationLevel.Department : EscalationLevel.Company;
            reason = $"同一客户 30 天内重复投诉（前次 {repeatOf}）" + (reason is null ? "" : "；" + reason);
        }
        if (PublicOpinion is { } opinion)
        {
            // Public opinion is handled at company level at once (§11): the press does not wait for a department.
            level = EscalationLevel.Company;
            reason = $"舆情风险：{opinion}" + (reason is null ? "" : "；" + reason);
        }
        if (reason is null) return;
        Escalation = level;
        Append(LoopTrigger.Escalate, context with { By = StaffRoles.SystemActor, Note = null }, Stage, $"升级至{Labels.Of(level)}：{reason}");
    }

    /// <summary>What each step does to the clocks; called after the step's data is applied.</summary>
    private void AdvanceClocks(LoopTrigger trigger, object? data, StepContext context)
    {
        var at = context.At.ToUniversalTime();
        switch (trigger)
        {
            case LoopTrigger.Dispatch:
                Stop(ClockKind.FirstResponse, at);
                break;
            case LoopTrigger.AddNote when data is ProgressNote { ContactedCustomer: true }:
                Stop(ClockKind.FirstResponse, at);
                Stop(ClockKind.CustomerContact, at);
                break;
            case LoopTrigger.Resolve:
                Stop(ClockKind.FirstResponse, at);
                Stop(ClockKind.CustomerContact, at);
                Stop(ClockKind.Handling, at);
                Start(ClockKind.FirstRevisit, at, context);
                Start(ClockKind.SecondRevisit, at, context);
                break;
            case LoopTrigger.Revisit when _revisits[^1].Record.Reached:
                Stop(_revisits[^1].Round == RevisitRound.First ? ClockKind.FirstRevisit : ClockKind.SecondRevisit, at);
                if (Stage == Stage.Resolve)
                {
                    // Re-opened: this resolution's revisits will not happen — they are superseded, not
                    // met — and handling runs again; the next resolution starts new revisit clocks.
                    Stop(ClockKind.FirstRevisit, at, ClockEnd.Superseded);
                    Stop(ClockKind.SecondRevisit, at, ClockEnd.Superseded);
                    Start(ClockKind.Handling, at, context);
                }
                else if (Stage == Stage.Improve) Start(ClockKind.Improvement, at, context);
                break;
            case LoopTrigger.Improve or LoopTrigger.WaiveImprovement:
                Stop(ClockKind.Improvement, at);
                break;
            case LoopTrigger.Merge or LoopTrigger.Withdraw or LoopTrigger.Reclassify:
                foreach (var kind in RunningClocks.Select(c => c.Kind).ToList()) Stop(kind, at, ClockEnd.Cancelled);
                break;
        }
        RefreshNextDue();
        ScheduleAlertCheck(at);
    }

    /// <summary>The watcher looks at the complaint on its next scan (when a clock runs).</summary>
    private void ScheduleAlertCheck(DateTimeOffset at) => AlertCheckAt = NextDueAt is null ? null : at.ToUniversalTime();

    private void Start(ClockKind kind, DateTimeOffset at, StepContext context)
    {
        if (context.Sla?.Start(kind, Channel, Category, Urgency, at) is { } clock)
            _clocks = [.. _clocks, clock with { Id = _clocks.Select(c => c.Id).DefaultIfEmpty().Max() + 1 }];
    }

    private void Stop(ClockKind kind, DateTimeOffset at, ClockEnd how = ClockEnd.Completed) => Replace(kind, c => c.Stop(at, how));

    /// <summary>Replaces the running clock of a kind (clocks are values; the list is replaced so change tracking sees it).</summary>
    private void Replace(ClockKind kind, Func<SlaClock, SlaClock> change)
    {
        var index = _clocks.FindLastIndex(c => c.Kind == kind && c.IsRunning);
        if (index < 0) return;
        var copy = _clocks.ToList();
        copy[index] = change(copy[index]);
        _clocks = copy;
        RefreshNextDue();
    }

    /// <summary>
    /// Records how clocks stopped before that was recorded ended, from the complaint's own record, and
    /// the second-revisit date the queue searches; returns whether anything changed. A revisit clock
    /// ended by its own revisit was met; one stopped when a re-opened resolution restarted handling
    /// was superseded; any clock stopped when the complaint left the loop was cancelled.
    /// </summary>
    public bool UpgradeLegacyRecord()
    {
        var changed = false;
        var reopenedAt = _clocks.Where(c => c.Kind == ClockKind.Handling).Skip(1).Select(c => c.StartedAt).ToHashSet();
        var copy = _clocks.ToList();
        for (var i = 0; i < copy.Count; i++)
        {
            if (copy[i] is not { StoppedAt: { } stopped, EndedAs: null } clock) continue;
            copy[i] = clock with { EndedAs = LegacyEnd(clock, stopped, reopenedAt) };
            changed = true;
        }
        _clocks = copy;
        var opens = SecondRevisitOpensAt;
        RefreshSecondRevisit();
        return changed || opens != SecondRevisitOpensAt;
    }

    private ClockEnd LegacyEnd(SlaClock clock, DateTimeOffset stopped, HashSet<DateTimeOffset> reopenedAt)
    {
        if (Stage is Stage.Merged or Stage.Withdrawn or Stage.Reclassified && !_timeline.Any(e => e.At > stopped)) return ClockEnd.Cancelled;
        if (clock.Kind is not (ClockKind.FirstRevisit or ClockKind.SecondRevisit)) return ClockEnd.Completed;
        var round = clock.Kind == ClockKind.FirstRevisit ? RevisitRound.First : RevisitRound.Second;
        var metByItsRevisit = _revisits.Any(r => r.Round == round && r.Record.Reached && r.At == stopped);
        return metByItsRevisit || !reopenedAt.Contains(stopped) ? ClockEnd.Completed : ClockEnd.Superseded;
    }

    private void RefreshNextDue()
    {
        NextDueAt = RunningClocks.Select(c => (DateTimeOffset?)c.DueAt).Min();
        RefreshQueueKey();
    }
}
