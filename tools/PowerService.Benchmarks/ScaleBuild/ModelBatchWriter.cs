using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// Stores batches with prepared INSERTs derived from the app's EF model (<see cref="ModelInserter"/>,
/// the default writer): each complaint, then its timeline under the id the database gave it, then
/// its alerts. One transaction per batch.
/// </summary>
internal sealed class ModelBatchWriter(BuildTarget target) : BatchWriter
{
    protected override async Task StoreAsync(IReadOnlyList<GeneratedComplaint> batch)
    {
        await using var db = await target.OpenWriterAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var tx = transaction.GetDbTransaction();
        // AlertCheckAt has a private setter (only steps and the watcher set it): the watcher's value is supplied;
        // the phone tail is a shadow column AppDbContext fills on save, so it is supplied too.
        await using var complaints = new ModelInserter(db, tx, typeof(Complaint), [nameof(Complaint.AlertCheckAt), ComplaintIndexes.PhoneTail], returnsKey: true);
        await using var timeline = new ModelInserter(db, tx, typeof(TimelineEvent), ["ComplaintId"]);
        await using var alerts = new ModelInserter(db, tx, typeof(SlaAlert), []);
        foreach (var item in batch)
        {
            var id = await complaints.InsertAsync(item.Complaint, item.NextCheck, ComplaintIndexes.TailOf(item.Complaint.Customer.Phone));
            foreach (var entry in item.Complaint.Timeline) await timeline.InsertAsync(entry, (int)id);
            foreach (var alert in item.Alerts)
            {
                alert.ComplaintId = (int)id;
                await alerts.InsertAsync(alert);
            }
        }
        await transaction.CommitAsync();
    }
}
