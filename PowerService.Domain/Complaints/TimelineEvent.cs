using System.Security.Cryptography;
using System.Text;
using PowerService.Domain.Staff;

namespace PowerService.Domain.Complaints;

/// <summary>
/// One entry of a complaint's timeline: who did what, when, from which stage to which, and their
/// note. Entries are appended by the aggregate only and never edited or deleted — they are the
/// evidence an audit or a dispute relies on. Each entry is sealed with a SHA-256 over the previous
/// entry's seal and its own content, so an entry edited, removed or inserted anywhere after the
/// fact breaks the chain from there on (<see cref="TimelineSeal"/>).
/// </summary>
public sealed class TimelineEvent
{
    private TimelineEvent() { } // for EF Core

    internal TimelineEvent(int sequence, LoopTrigger? trigger, Actor by, DateTimeOffset at, Stage? from, Stage to, string summary, string? note, string? previousHash)
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
        Hash = TimelineSeal.Of(this, previousHash);
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

    /// <summary>The seal: SHA-256 (hex) over the previous entry's seal and this entry's content. Null only for entries recorded before sealing existed, until they are sealed.</summary>
    public string? Hash { get; private set; }

    /// <summary>Seals an entry recorded before sealing existed (a sanctioned change of a stored entry).</summary>
    internal void SealLegacy(string? previousHash) => Hash ??= TimelineSeal.Of(this, previousHash);

    /// <summary>A copy to show with its summary and note masked; it keeps the original seal (which it no longer matches).</summary>
    internal TimelineEvent MaskedCopy(Func<string, string> text)
    {
        var copy = (TimelineEvent)MemberwiseClone();
        copy.Summary = text(Summary);
        copy.Note = Note is null ? null : text(Note);
        return copy;
    }


    /// <summary>
    /// Whether the entry's text has been through the retention anonymisation (or was written after it).
    /// An entry is rewritten at most once in its life: the database allows the rewrite only from
    /// false to true, only of the text and the seal, and only for a complaint with a recorded anonymisation.
    /// Not part of the seal, so entries sealed before it existed still verify.
    /// </summary>
    public bool Anonymised { get; private set; }

    /// <summary>
    /// The other sanctioned change: the customer's data removed from the text by retention, and the
    /// entry re-sealed on the (re-sealed) previous entry. Who, when and what happened stay as they were.
    /// </summary>
    internal void Anonymise(Func<string?, string?> scrub, string? previousHash)
    {
        if (Anonymised) return;
        Summary = scrub(Summary) ?? "";
        Note = scrub(Note);
        Anonymised = true;
        Hash = TimelineSeal.Of(this, previousHash);
    }

    /// <summary>An entry appended to an anonymised record holds no customer data and is never rewritten.</summary>
    internal void MarkAnonymised() => Anonymised = true;

    public string ActionLabel => Trigger is { } t ? Labels.Of(t) : "登记受理";

    public bool ChangedStage => FromStage != ToStage;
}

/// <summary>
/// How timeline entries are sealed and checked. Times enter the seal in whole milliseconds: a store
/// keeps less precision than .NET (SQLite 0.1 ms, PostgreSQL 1 µs), and a seal computed from the
/// in-memory instant must still verify once the entry is read back.
/// </summary>
public static class TimelineSeal
{
    public static string Of(TimelineEvent e, string? previousHash)
    {
        var content = string.Join('\u001f',
            previousHash ?? "", e.Sequence, e.Trigger?.ToString() ?? "", e.ActorId, e.ActorName,
            e.At.ToUnixTimeMilliseconds(), e.FromStage?.ToString() ?? "", e.ToStage, e.Summary, e.Note ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The first entry (by sequence) whose seal does not match, or null when the whole chain holds.</summary>
    public static int? FirstBroken(IEnumerable<TimelineEvent> timeline)
    {
        string? previous = null;
        var expected = 1;
        foreach (var e in timeline.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != expected++ || e.Hash is null || e.Hash != Of(e, previous)) return e.Sequence;
            previous = e.Hash;
        }
        return null;
    }
}
