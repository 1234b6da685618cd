using Microsoft.EntityFrameworkCore;

namespace PowerService.Web.Data;

/// <summary>
/// Seals the timeline entries recorded before entries were sealed, once, at start-up before any
/// request: afterwards every entry is sealed as it is appended. The database allows exactly this
/// update (hash set once, nothing else) and refuses every other.
/// </summary>
public static class LegacyTimelineSealing
{
    private const int Batch = 200;

    public static async Task<int> SealAsync(AppDbContext db, CancellationToken ct = default)
    {
        var sealedCount = 0;
        while (true)
        {
            var ids = await db.TimelineEvents.Where(e => e.Hash == null)
                .Select(e => EF.Property<int>(e, "ComplaintId")).Distinct().OrderBy(id => id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) return sealedCount;
            var complaints = await db.Complaints.Include(c => c.Timeline).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            sealedCount += complaints.Sum(c => c.SealLegacyTimeline());
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
