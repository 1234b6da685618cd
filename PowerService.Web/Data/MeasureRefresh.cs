using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;

namespace PowerService.Web.Data;

/// <summary>
/// Keeps each complaint's <see cref="ComplaintMeasure"/> row in step with the complaint, in the same
/// SaveChanges (so in the same transaction): every path that saves a complaint — a step, the deadline
/// watcher's escalation, retention, demo data — refreshes it, and a report never reads a complaint's
/// state that its measure does not show.
/// </summary>
internal static class MeasureRefresh
{
    public static void Refresh(AppDbContext db) => Apply(db, Changed(db), ids => [.. db.Set<ComplaintMeasure>().Where(m => ids.Contains(m.ComplaintId))]);

    public static async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        var changed = Changed(db);
        if (changed.Count == 0) return;
        var ids = StoredIds(changed);
        var existing = ids.Count == 0 ? [] : await db.Set<ComplaintMeasure>().Where(m => ids.Contains(m.ComplaintId)).ToListAsync(ct);
        Apply(db, changed, _ => existing);
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Complaint>> Changed(AppDbContext db) =>
        [.. db.ChangeTracker.Entries<Complaint>().Where(e => e.State is EntityState.Added or EntityState.Modified)];

    private static List<int> StoredIds(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Complaint>> changed) =>
        [.. changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id)];

    private static void Apply(AppDbContext db, List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Complaint>> changed, Func<List<int>, List<ComplaintMeasure>> load)
    {
        if (changed.Count == 0) return;
        var ids = StoredIds(changed);
        // Tracked measures first (a second save in the same context), then the stored ones.
        var tracked = db.ChangeTracker.Entries<ComplaintMeasure>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Entity.ComplaintId, e => e.Entity);
        var missing = ids.Where(id => !tracked.ContainsKey(id)).ToList();
        var existing = tracked;
        if (missing.Count > 0)
            foreach (var m in load(missing)) existing.TryAdd(m.ComplaintId, m);

        foreach (var entry in changed)
        {
            var fresh = ComplaintMeasure.Of(entry.Entity);
            if (entry.State == EntityState.Added)
            {
                // The complaint's key is a temporary value until it is inserted; giving the measure
                // the same value links the two, and EF Core writes the real key into both.
                var measure = db.Entry(fresh);
                measure.Property(m => m.ComplaintId).CurrentValue = (int)entry.Property(c => c.Id).CurrentValue;
                measure.State = EntityState.Added;
                if (entry.Property(c => c.Id).IsTemporary) measure.Property(m => m.ComplaintId).IsTemporary = true;
            }
            else if (existing.TryGetValue(entry.Entity.Id, out var stored))
                db.Entry(stored).CurrentValues.SetValues(fresh);
            else
                db.Add(fresh);
        }
    }
}
