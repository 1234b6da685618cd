using Microsoft.EntityFrameworkCore;

namespace PowerService.Web.Data;

/// <summary>
/// Once, at start-up before any request: complaints stored before clocks recorded how they ended, or
/// before the second-revisit date was kept, get both from their own record
/// (<see cref="PowerService.Domain.Complaints.Complaint.UpgradeLegacyRecord"/>), so a superseded
/// revisit never reads 按时完成 and the 待二次回访 view finds them. Run right after the migrations that
/// introduced both (ClockIds, SecondRevisitDue) were applied; never again.
/// </summary>
public static class LegacyComplaintUpgrade
{
    private const int Batch = 200;

    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct = default)
    {
        var upgraded = 0;
        var lastId = 0;
        while (true)
        {
            var complaints = await db.Complaints.Include(c => c.Timeline)
                .Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (complaints.Count == 0) return upgraded;
            lastId = complaints[^1].Id;
            upgraded += complaints.Count(c => c.UpgradeLegacyRecord());
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
