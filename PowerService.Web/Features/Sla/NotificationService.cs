using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sla;

/// <summary>An alert as the notification centre lists it. It carries no customer value (number, clock, level, times only), so it is the same for masked roles.</summary>
/// <param name="Reason">For an alert about the complaint, not a clock (a public-opinion risk): what it is; it names admin-listed words, never the customer's.</param>
public sealed record Notification(long Id, string Number, ClockKind Clock, ClockState Level, DateTimeOffset DueAt, DateTimeOffset CreatedAt, EscalationLevel? EscalatedTo, bool Read, string? Reason = null);

/// <summary>
/// Whose alerts are whose: a complaint's owner and first responder get all of its alerts; managers
/// also get the breaches and escalations of their department (they own the levels complaints are
/// escalated to), company-level managers those of every department.
/// </summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The badge shows "99+" from here on: counting further would cost a scan of everything unread on every page.</summary>
    public const int CountLimit = 100;

    /// <summary>Unread alerts, counted up to <see cref="CountLimit"/>.</summary>
    public async Task<int> UnreadCountAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readThrough = await ReadThroughAsync(db, user, ct);
        var total = 0;
        // Branch by branch (they are disjoint), each newest first along its own index, up to the limit.
        foreach (var branch in UnreadBranches(db, user, readThrough))
        {
            if (total >= CountLimit) break;
            total += await branch.OrderByDescending(a => a.Id).Take(CountLimit - total).CountAsync(ct);
        }
        return total;
    }

    /// <summary>
    /// The newest alerts: the newest few of each way they reach the person (each read from its own
    /// index, newest first), then merged, so the list costs the same whatever the history.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> RecentAsync(StaffUser user, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = user.Actor.UserId;
        var readThrough = await ReadThroughAsync(db, user, ct);
        var recent = new List<Notification>();
        foreach (var branch in Branches(db, user))
            recent.AddRange(await branch
                .OrderByDescending(a => a.Id)
                .Take(take)
                .Select(a => new Notification(a.Id, a.Number, a.Clock, a.Level, a.DueAt, a.CreatedAt, a.EscalatedTo,
                    a.Id <= readThrough || db.AlertReads.Any(r => r.AlertId == a.Id && r.UserId == id), a.Reason))
                .ToListAsync(ct));
        return [.. recent.OrderByDescending(n => n.Id).Take(take)];
    }

    /// <summary>
    /// Everything the person has been alerted to so far is read: one mark on their account, whatever
    /// the number. An alert stored after the mark is unread again.
    /// </summary>
    public async Task MarkAllReadAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newest = await db.SlaAlerts.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        await db.Users.Where(u => u.Id == user.Actor.UserId && u.AlertsReadThrough < newest)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AlertsReadThrough, newest), ct);
    }

    /// <summary>Marks one of the person's alerts read (opening it from the bell); an alert not theirs, or already read, is left alone.</summary>
    public async Task MarkReadAsync(StaffUser user, long alertId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Unread(db, user, await ReadThroughAsync(db, user, ct)).AnyAsync(a => a.Id == alertId, ct)) return;
        db.AlertReads.Add(new AlertRead { AlertId = alertId, UserId = user.Actor.UserId, ReadAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    private static Task<long> ReadThroughAsync(AppDbContext db, StaffUser user, CancellationToken ct) =>
        db.Users.Where(u => u.Id == user.Actor.UserId).Select(u => u.AlertsReadThrough).SingleOrDefaultAsync(ct);

    /// <summary>Unread: after the read-through mark and not opened one by one; the mark applied in each branch, where its index can use it.</summary>
    private static IQueryable<SlaAlert> Unread(AppDbContext db, StaffUser user, long readThrough) =>
        UnreadBranches(db, user, readThrough).Aggregate((all, branch) => all.Concat(branch));

    private static IEnumerable<IQueryable<SlaAlert>> UnreadBranches(AppDbContext db, StaffUser user, long readThrough)
    {
        var id = user.Actor.UserId;
        return Branches(db, user).Select(branch => branch.Where(a => a.Id > readThrough && !db.AlertReads.Any(r => r.AlertId == a.Id && r.UserId == id)));
    }

    /// <summary>
    /// The ways an alert reaches a person, as disjoint queries (no alert in two), each served by its
    /// own index: the complaints they own; those they took first and no longer own; for managers,
    /// the other breaches and escalations of their department (of every department, company-level).
    /// Only the branches that apply are asked, so no statement ORs a condition that cannot hold.
    /// </summary>
    private static List<IQueryable<SlaAlert>> Branches(AppDbContext db, StaffUser user)
    {
        var id = user.Actor.UserId;
        var branches = new List<IQueryable<SlaAlert>>
        {
            db.SlaAlerts.Where(a => a.OwnerId == id),
            db.SlaAlerts.Where(a => a.FirstResponderId == id && a.OwnerId != id),
        };
        if (!user.Is(StaffRole.Manager)) return branches;
        var managed = db.SlaAlerts.Where(a => a.OwnerId != id && a.FirstResponderId != id && (a.Level == ClockState.Breached || a.EscalatedTo != null));
        var department = user.Department;
        branches.Add(user.CompanyLevel ? managed : managed.Where(a => a.Department == department));
        return branches;
    }
}
