using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;

namespace PowerService.Web.Features.Complaints;

public enum QueueScope { Mine, Team, All }

/// <summary>The deadline views: everything, due within 24 hours, already overdue, or waiting at revisit with the second revisit now possible.</summary>
public enum DueFilter { Any, DueSoon, Overdue, SecondRevisitDue }

/// <summary>What the 工作台 asks for: whose complaints, which page, which filters.</summary>
public sealed record QueueQuery(
    QueueScope Scope = QueueScope.Mine,
    int Page = 0,
    int PageSize = 20,
    Stage? Stage = null,
    Category? Category = null,
    Channel? Channel = null,
    Urgency? Urgency = null,
    string? Department = null,
    string? Search = null,
    bool IncludeEnded = false,
    DueFilter Due = DueFilter.Any);

public sealed record QueueRow(
    string Number,
    Stage Stage,
    Channel Channel,
    Category Category,
    string SubCategory,
    Urgency Urgency,
    string CustomerName,
    string Phone,
    string OwnerName,
    string Department,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? NextDueAt,
    EscalationLevel Escalation,
    IReadOnlyList<SlaClock> Clocks)
{
    /// <summary>The running clock due first: the one the queue colours the row by.</summary>
    public SlaClock? NextClock => Clocks.Where(c => c.IsRunning).MinBy(c => c.DueAt);
}

/// <summary>A complaint opened by number: the complaint, or why this person may not open it (both null: no such complaint).</summary>
public sealed record ComplaintLookup(Complaint? Complaint, string? Refusal);

public sealed record QueueResult(IReadOnlyList<QueueRow> Rows, int Total);

/// <summary>A member of staff a complaint can be dispatched to.</summary>
public sealed record StaffMember(string UserId, string DisplayName, string Department);

/// <summary>What happened to a request to act on a complaint.</summary>
public sealed record ActionOutcome(StepResult Result, bool Conflict = false)
{
    public bool Succeeded => Result.Succeeded;

    public static ActionOutcome Refused(string reason, bool conflict = false) => new(StepResult.Refused(reason), conflict);
}
