using Microsoft.AspNetCore.Identity;

namespace PowerService.Web.Data;

/// <summary>A member of staff: Identity user with the name shown on the timeline and their department.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Department { get; set; } = "";

    /// <summary>Set by an admin's create or reset: the person must choose their own password before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in and its open sessions end; it stays, so its name on timelines stays true.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>
    /// 全部标为已读: every alert up to this id counts as read, without a row per alert (a handler with
    /// a long history would otherwise write hundreds of thousands). Alerts read one by one are in AlertReads.
    /// </summary>
    public long AlertsReadThrough { get; set; }

    /// <summary>The newest archived report this manager has seen listed: the 报表 menu counts the ones after it.</summary>
    public long ArchivesSeenThrough { get; set; }
}

/// <summary>What an admin did to an account, when, and why: append-only, like a complaint's timeline.</summary>
public sealed class AdminAuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string TargetUserName { get; set; } = "";
    public string Detail { get; set; } = "";

    /// <summary>The one way an entry is made, whoever makes it (an admin on the page, the server's command line).</summary>
    public static AdminAuditEvent Of(PowerService.Domain.Staff.Actor by, string action, string target, string detail, DateTimeOffset at) => new()
    {
        At = at, ActorId = by.UserId, ActorName = by.DisplayName, Action = action, TargetUserName = target, Detail = detail,
    };
}

/// <summary>An organisational unit complaints are dispatched to (班组/供电所/部门), with its business hours.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public TimeOnly Opens { get; set; } = new(8, 30);
    public TimeOnly Closes { get; set; } = new(17, 30);

    /// <summary>
    /// The department runs complaint management for the whole company (the customer service centre):
    /// its managers see and act on every complaint; other managers on their own department's.
    /// </summary>
    public bool IsCompanyLevel { get; set; }

    /// <summary>Customers the department serves (kept by the admin), for complaints per 10,000 customers; null when not known.</summary>
    public int? Customers { get; set; }
}

/// <summary>
/// A record that failed verification, as admins are alerted to it: first and last seen, how often.
/// One row per complaint and finding; it stays until the record is put right and an admin closes it.
/// </summary>
public sealed class IntegrityAlert
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public string What { get; set; } = "";
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public int Occurrences { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}
