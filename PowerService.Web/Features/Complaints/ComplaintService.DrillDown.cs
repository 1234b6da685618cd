using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Staff;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Complaints;

/// <summary>What the banner of a drill-down needs besides the filter: the handler's name, and what the person's scope leaves out.</summary>
public sealed record DrillDownContext(string? HandlerName, string? ScopeNote);

public sealed partial class ComplaintService
{
    /// <summary>
    /// The handler's name for a drill-down's banner, and a note when the link asks for a department
    /// outside what the person may see: the queue lists only what they may see (a link never widens
    /// that), so the list is then shorter than the report's number and the banner says why.
    /// </summary>
    public async Task<DrillDownContext> DrillDownContextAsync(ReportFilter filter, StaffUser user, CancellationToken ct = default)
    {
        string? name = null;
        if (filter.HandlerId is { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }
        var narrowed = filter.Department is { } department && department != user.Department
                       && !LoopPermissions.SeesEveryComplaint(user.Roles, user.Workplace);
        return new(name, narrowed
            ? $"您可查看本部门（{user.Department}）及本人经办、首问的投诉；{filter.Department}的其他投诉不在您的查看范围内，此处不列出。"
            : null);
    }
}
