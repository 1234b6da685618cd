using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>
/// Who does a step (in which roles, from which workplace — together they decide what the person may
/// do to this complaint), when — from the caller's TimeProvider — their free-text note for the
/// timeline, and the SLA rules in force (which start the complaint's clocks). Without a workplace
/// only the person's own relations count (owner, first responder).
/// </summary>
public sealed record StepContext(Actor By, IReadOnlyCollection<StaffRole> Roles, DateTimeOffset At, string? Note = null, SlaSchedule? Sla = null, Workplace? Workplace = null)
{
    /// <summary>The note is typed with every step and kept on the timeline: plain text, bounded.</summary>
    public static IReadOnlyList<FieldRule<StepContext>> NoteRules { get; } =
    [
        new(nameof(Note), c => TextRules.WithinLength(c.Note, Limits.Note), $"备注不能超过 {Limits.Note} 字"),
        new(nameof(Note), c => TextRules.IsPlainText(c.Note), "备注只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"),
    ];

    public static StepContext Now(TimeProvider time, Actor by, IReadOnlyCollection<StaffRole> roles, string? note = null, SlaSchedule? sla = null, Workplace? workplace = null) =>
        new(by, roles, time.GetUtcNow(), note, sla, workplace);
}

/// <summary>The single argument every parameterised trigger carries: the step's data and its context.</summary>
public sealed record Submission<T>(T Data, StepContext Context);
