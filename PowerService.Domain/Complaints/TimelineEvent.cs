using PowerService.Domain.Staff;

namespace PowerService.Domain.Complaints;

/// <summary>
/// One entry of a complaint's timeline: who did what, when, from which stage to which, and their
/// note. Entries are appended by the aggregate only and never edited or deleted — they are the
/// evidence an audit or a dispute relies on.
/// </summary>
public sealed class TimelineEvent
{
    private TimelineEvent() { } // for EF Core

    internal TimelineEvent(int sequence, LoopTrigger? trigger, Actor by, DateTimeOffset at, Stage? from, Stage to, string summary, string? note)
    {
        Sequence = sequence;
        Trigger = trigger;
        ActorId = by.UserId;
        ActorName = by.DisplayName;
        At = at;
        FromStage = from;
        ToStage = to;
        Summary = summary;
        Note = note;
    }

    public long Id { get; private set; }
    public int Sequence { get; private set; }

    /// <summary>The trigger fired; null for the registration that started the complaint.</summary>
    public LoopTrigger? Trigger { get; private set; }

    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public Stage? FromStage { get; private set; }
    public Stage ToStage { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Note { get; private set; }

    public string ActionLabel => Trigger is { } t ? Labels.Of(t) : "登记受理";

    public bool ChangedStage => FromStage != ToStage;
}
