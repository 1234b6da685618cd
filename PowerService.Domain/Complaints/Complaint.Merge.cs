using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Text;
using PowerService.Domain.Time;

namespace PowerService.Domain.Complaints;

/// <summary>
/// One customer, several channels (docs/domain.md §11 多渠道并发): the duplicates are merged into one
/// complaint, handled by one owner. The surviving complaint keeps the strongest of what each channel
/// brought — the highest urgency and escalation, and for every clock both still run the earlier
/// deadline (so a regulator's limit, when it is the tighter one, is the one kept) — and both
/// records point to each other.
/// </summary>
public sealed partial class Complaint
{
    private List<string> _mergedFrom = [];

    /// <summary>The complaints merged into this one, by number, in the order they were merged.</summary>
    public IReadOnlyList<string> MergedFrom => _mergedFrom;

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="survivor"/> as one step: the duplicate
    /// ends as merged (the person must be allowed to merge it), and the survivor takes over what it
    /// brought. Refused, with nothing changed, when either cannot take part.
    /// </summary>
    public static StepResult Merge(Complaint duplicate, Complaint survivor, string? reason, StepContext context)
    {
        if (duplicate.Number == survivor.Number) return StepResult.Refused([new(nameof(MergeRequest.IntoNumber), "不能合并到本投诉自身")]);
        if (survivor.RefusesDuplicates is { } closed) return StepResult.Refused([closed]);
        var brought = duplicate.RunningClocks.ToList();
        var merged = duplicate.MergeInto(new MergeRequest(survivor.Number, reason), context);
        if (!merged.Succeeded) return merged;
        survivor.Absorb(duplicate, brought, context);
        return StepResult.Success;
    }

    /// <summary>Why this complaint cannot take a duplicate (it has ended), or null when it can.</summary>
    public FieldError? RefusesDuplicates => Stage.IsOpen() ? null
        : new(nameof(MergeRequest.IntoNumber), $"投诉 {Number} 当前为“{Labels.Of(Stage)}”，不能并入");

    /// <summary>What the survivor takes from a duplicate; the timeline says each change.</summary>
    private void Absorb(Complaint duplicate, IReadOnlyList<SlaClock> brought, StepContext context)
    {
        var changes = new List<string>();
        if (duplicate.Urgency > Urgency)
        {
            changes.Add($"紧急程度由{Labels.Of(Urgency)}升为{Labels.Of(duplicate.Urgency)}");
            Urgency = duplicate.Urgency;
        }
        if (duplicate.Escalation > Escalation)
        {
            changes.Add($"升级至{Labels.Of(duplicate.Escalation)}");
            Escalation = duplicate.Escalation;
        }
        foreach (var theirs in brought)
        {
            if (RunningClocks.LastOrDefault(c => c.Kind == theirs.Kind) is not { } ours || theirs.DueAt >= ours.DueAt) continue;
            Replace(theirs.Kind, c => c with { Limit = theirs.Limit, DueAt = theirs.DueAt, Rule = $"{theirs.Rule}（随 {duplicate.Number} 并入）" });
            changes.Add($"{Labels.Of(theirs.Kind)}时限提前至 {ChinaTime.Format(theirs.DueAt)}（{Labels.Of(duplicate.Channel)}时限）");
        }
        _mergedFrom = [.. _mergedFrom, duplicate.Number];
        ScheduleAlertCheck(context.At);
        var via = Labels.Of(duplicate.Channel) + (duplicate.UpstreamReference is { } reference ? $"，上级工单 {reference}" : "");
        Append(LoopTrigger.Merge, context, Stage, $"{duplicate.Number}（{via}）并入本投诉" + (changes.Count > 0 ? "：" + string.Join("；", changes) : ""));
    }
}
