using PowerService.Domain.Privacy;

namespace PowerService.Web.Data;

/// <summary>
/// One access to a customer's personal information (个人信息访问记录): who, with which roles, when, on
/// which complaint, what. Append-only; the database refuses UPDATE and DELETE. Holds no customer
/// value in full (a searched number is kept masked): its readers are a masked role.
/// </summary>
public sealed class PiiAccessEvent
{
    public long Id { get; set; }

    /// <summary>UTC, in whole milliseconds (the precision every store keeps, so a read-back equals what was written).</summary>
    public DateTimeOffset At { get; set; }

    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";

    /// <summary>The roles held at the time, comma-separated role names.</summary>
    public string Roles { get; set; } = "";

    public PiiAccessKind Kind { get; set; }

    /// <summary>The complaint concerned; null for a search that found none.</summary>
    public string? ComplaintNumber { get; set; }

    public string Detail { get; set; } = "";
}
