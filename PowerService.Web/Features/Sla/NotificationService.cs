using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sla;

/// <summary>An alert as the notification centre lists it. It carries no customer value (number, clock, level, times only), so it is the same for masked roles.</summary>
public sealed record Notification(long Id, string Number, ClockKind Clock, ClockState Level, DateTimeOffset DueAt, DateTimeOffset CreatedAt, EscalationLevel? EscalatedTo, bool Read);

/// <summary>
/// Whose alerts are whose: a complaint's owner and first responder get all of its alerts; managers
/// also get the breaches and escalations of their department (they own the levels complaints are
/// escalated to), company-level managers those of every department.
/// </summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> UnreadCountAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unread(db, user).CountAsync(ct);
    }

    public async Task<IReadOnlyList<Notification>> RecentAsync(StaffUser user, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = user.Actor.UserId;
        return await For(db, user)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new Notification(a.Id, a.Number, a.Clock, a.Level, a.DueAt, a.CreatedAt, a.EscalatedTo,
                db.AlertReads.Any(r => r.AlertId == a.Id && r.UserId == id)))
            .ToListAsync(ct);
    }

    public async Task MarkAllReadAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var unread = await Unread(db, user).Select(a => a.Id).ToListAsync(ct);
        db.AlertReads.AddRange(unread.Select(id => new AlertRead { AlertId = id, UserId = user.Actor.UserId, ReadAt = now }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks one of the person's alerts read (opening it from the bell); an alert not theirs, or already read, is left alone.</summary>
    public async Task MarkReadAsync(StaffUser user, long alertId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Unread(db, user).AnyAsync(a => a.Id == alertId, ct)) return;
        db.AlertReads.Add(new AlertRead { AlertId = alertId, UserId = user.Actor.UserId, ReadAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<SlaAlert> For(AppDbContext db, StaffUser user)
    {
        var id = user.Actor.UserId;
        var manager = user.Is(StaffRole.Manager);
        var everyDepartment = user.CompanyLevel;
        var department = user.Department;
        return db.SlaAlerts.Where(a => a.OwnerId == id || a.FirstResponderId == id
            || (manager && (everyDepartment || a.Department == department) && (a.Level == ClockState.Breached || a.EscalatedTo != null)));
    }

    private static IQueryable<SlaAlert> Unread(AppDbContext db, StaffUser user)
    {
        var id = user.Actor.UserId;
        return For(db, user).Where(a => !db.AlertReads.Any(r => r.AlertId == a.Id && r.UserId == id));
    }
}
