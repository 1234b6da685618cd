using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Shared;

/// <summary>What every write checks about the person against the stored account, whatever the feature.</summary>
public static class StaffChecks
{
    /// <summary>
    /// An open tab keeps its sign-in until it next revalidates; a write from a session that has since
    /// ended (signed out, disabled, password or roles changed) is refused at once, here.
    /// </summary>
    public static async Task<StepResult?> SessionEndedAsync(AppDbContext db, StaffUser user, CancellationToken ct)
    {
        if (user.SecurityStamp is null) return null; // the system's own steps and service-level callers carry no session
        var account = await db.Users.Where(u => u.Id == user.Actor.UserId).Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync(ct);
        return account is { IsDisabled: false } && account.SecurityStamp == user.SecurityStamp
            ? null
            : StepResult.Refused("您的登录已失效（已退出、账号停用或权限变更），操作未保存。请重新登录后再办理。");
    }

    /// <summary>
    /// Where the person works as stored now (an admin may have moved them since they signed in); the
    /// system's own steps and service-level callers have no account and carry their own.
    /// </summary>
    public static async Task<Workplace> WorkplaceAsync(AppDbContext db, StaffUser user, CancellationToken ct)
    {
        var stored = await (from u in db.Users
                            where u.Id == user.Actor.UserId
                            select new { u.Department, CompanyLevel = db.Departments.Any(d => d.Name == u.Department && d.IsCompanyLevel) })
            .SingleOrDefaultAsync(ct);
        return stored is null ? user.Workplace : new Workplace(stored.Department, stored.CompanyLevel);
    }
}
