using Microsoft.EntityFrameworkCore;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// Stores batches through EF Core's SaveChanges (<c>--writer ef</c>): a fresh context per batch (the
/// change tracker never grows past one batch), no automatic change detection (everything is new).
/// Complaints go first; their alerts follow once the database has given them ids. Kept to compare
/// with <see cref="ModelBatchWriter"/>, which writes the same rows several times faster.
/// </summary>
internal sealed class EfBatchWriter(BuildTarget target) : BatchWriter
{
    protected override async Task StoreAsync(IReadOnlyList<GeneratedComplaint> batch)
    {
        await using var db = await target.OpenWriterAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var item in batch)
        {
            db.Complaints.Add(item.Complaint);
            // Private in the domain (only steps and the watcher set it): written through EF, as the
            // watcher's reschedule writes it.
            db.Entry(item.Complaint).Property(c => c.AlertCheckAt).CurrentValue = item.NextCheck;
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        foreach (var item in batch)
            foreach (var alert in item.Alerts)
            {
                alert.ComplaintId = item.Complaint.Id;
                db.SlaAlerts.Add(alert);
            }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
