using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;

namespace PowerService.Web.Data;

/// <summary>A year of the working-day calendar as stored: its listed exceptions, and who last changed them.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }
    public List<CalendarDay> Days { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public CalendarYear ToYear() => new(Year, Days);
}

/// <summary>One row of the editable SLA policy.</summary>
public sealed class SlaRuleRecord
{
    public int Id { get; set; }
    public Channel? Channel { get; set; }
    public Category? Category { get; set; }
    public Urgency? Urgency { get; set; }
    public ClockKind Clock { get; set; }
    public LimitUnit Unit { get; set; }
    public int Amount { get; set; }
    public string Source { get; set; } = "";

    public SlaRule ToRule() => new(Channel, Category, Urgency, Clock, new TimeLimit(Unit, Amount), Source);

    public static SlaRuleRecord From(SlaRule rule) => new()
    {
        Channel = rule.Channel, Category = rule.Category, Urgency = rule.Urgency, Clock = rule.Clock,
        Unit = rule.Limit.Unit, Amount = rule.Limit.Amount, Source = rule.Source,
    };
}

/// <summary>
/// A warning, critical warning or breach of one clock, recorded once. The unique key
/// (complaint, clock id, level) makes "exactly once" a fact of the database, whatever number of
/// app instances watch the clocks. The clock is keyed by its id, never by its start time: an
/// instant read back from a store has that store's precision, not the one it was computed with.
/// </summary>
public sealed class SlaAlert
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public string Number { get; set; } = "";

    /// <summary>The clock's <see cref="SlaClock.Id"/> within the complaint.</summary>
    public int ClockId { get; set; }

    public ClockKind Clock { get; set; }

    /// <summary>When the clock started: shown to people, never compared.</summary>
    public DateTimeOffset ClockStartedAt { get; set; }
    public ClockState Level { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string OwnerId { get; set; } = "";
    public string FirstResponderId { get; set; } = "";
    public string Department { get; set; } = "";
    public EscalationLevel? EscalatedTo { get; set; }

    /// <summary>For an alert about the complaint rather than a clock (a public-opinion risk): what it is. Null for a clock's alert.</summary>
    public string? Reason { get; set; }
}

/// <summary>That a person has read an alert (the notification centre's unread badge counts the others).</summary>
public sealed class AlertRead
{
    public long AlertId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset ReadAt { get; set; }
}

/// <summary>The exact bytes of an issued document, kept unchanged; every version is its own row.</summary>
public sealed class IssuedDocumentFile
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public string Number { get; set; } = "";
    public PowerService.Domain.Documents.DocumentKind Kind { get; set; }
    public int Version { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";

    /// <summary>
    /// When retention destroyed the bytes (they carried the customer's data); the SHA-256 stays, so
    /// a copy someone kept can still be checked against what was issued. Null while the bytes are kept.
    /// </summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
}
