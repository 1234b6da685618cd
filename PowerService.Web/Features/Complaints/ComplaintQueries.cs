using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Web.Features.Reports;

namespace PowerService.Web.Features.Complaints;

public enum QueueScope { Mine, Team, All }

/// <summary>The deadline views: everything, due within 24 hours, already overdue, or waiting at revisit with the second revisit now possible.</summary>
public enum DueFilter { Any, DueSoon, Overdue, SecondRevisitDue }

/// <summary>
/// Which page of the queue: the first, the one just after or just before a row (by the row's
/// <see cref="QueueRow.Key"/>), or the last. Pages are found by seeking along the stored queue key,
/// so the last page costs what the first does; there is no "page 37".
/// </summary>
public sealed record QueueCursor(string? After = null, string? Before = null, bool Last = false)
{
    public static QueueCursor First { get; } = new();
}

/// <summary>
/// What the 工作台 asks for: whose complaints, which page, which filters. The total is counted up to
/// <paramref name="CountUpTo"/> unless <paramref name="ExactCount"/> asks for it however large.
/// <paramref name="Report"/> keeps only the complaints a report's filter selects (period of receipt,
/// breached clock, KPI fact…), within the person's scope and the other filters; see <see cref="DrillDown"/>.
/// </summary>
public sealed record QueueQuery(
    QueueScope Scope = QueueScope.Mine,
    QueueCursor? Cursor = null,
    int PageSize = 20,
    Stage? Stage = null,
    Category? Category = null,
    Channel? Channel = null,
    Urgency? Urgency = null,
    string? Department = null,
    string? Search = null,
    bool IncludeEnded = false,
    DueFilter Due = DueFilter.Any,
    bool ExactCount = false,
    int CountUpTo = QueueResult.CountLimit,
    ReportFilter? Report = null)
{
    /// <summary>
    /// The list behind a report's number: everything the person may see (the report link never
    /// widens that), ended complaints included (the report counts closed ones too), counted exactly.
    /// </summary>
    public static QueueQuery DrillDown(ReportFilter report, QueueCursor? cursor = null, int pageSize = 20) =>
        new(QueueScope.All, cursor, pageSize, IncludeEnded: true, ExactCount: true, Report: report);
}

/// <summary>One row of the queue: only what the table shows, and the running clock due first (the one it colours the row by).</summary>
public sealed record QueueRow(
    string Key,
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
    SlaClock? NextClock);

/// <summary>A complaint opened by number: the complaint, or why this person may not open it (both null: no such complaint).</summary>
public sealed record ComplaintLookup(Complaint? Complaint, string? Refusal);

/// <summary>
/// A page of the queue. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise the
/// matches are more than the query's count limit and <see cref="Total"/> is that limit (the page
/// offers the exact count on request: at a million complaints it costs a scan).
/// </summary>
public sealed record QueueResult(IReadOnlyList<QueueRow> Rows, int Total, bool TotalIsExact = true, bool HasPrevious = false, bool HasNext = false)
{
    public const int CountLimit = 10_000;

    public static QueueResult Empty { get; } = new([], 0);
}

/// <summary>A member of staff a complaint can be dispatched to.</summary>
public sealed record StaffMember(string UserId, string DisplayName, string Department);

/// <summary>What happened to a request to act on a complaint.</summary>
public sealed record ActionOutcome(StepResult Result, bool Conflict = false)
{
    public bool Succeeded => Result.Succeeded;

    public static ActionOutcome Refused(string reason, bool conflict = false) => new(StepResult.Refused(reason), conflict);
}
