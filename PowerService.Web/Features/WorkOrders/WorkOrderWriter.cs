using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Web.Data;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>One just-registered complaint of a batch with the receipt that makes its work order idempotent.</summary>
public sealed record RegisteredWorkOrder(Complaint Complaint, WorkOrderReceipt Receipt);

/// <summary>
/// Stores a batch of just-registered work orders with prepared INSERTs (<see cref="ModelInsert"/>) in
/// the caller's transaction: the complaints (the database gives their ids), then under those ids their
/// timeline entries, measures rows, receipts and public-opinion alerts. The rows are the ones
/// <c>AppDbContext.SaveChangesAsync</c> writes for an added complaint — it also fills the phone-tail
/// column and the measures row on save, so both are written here the same way.
/// </summary>
/// <remarks>
/// Why not EF <c>SaveChanges</c>: for 1,000 complaints it took 1.3–3.9 s (plus 0.2–0.7 s for the
/// receipts' second save, and 0.2–0.6 s adding them to the change tracker), about 3 ms a work order
/// (docs/benchmarks.md, issue 12); these INSERTs take about 0.25 ms. SQLite gets one prepared command per table, re-run per row;
/// PostgreSQL gets its rows in command batches (one round trip each). A failed INSERT (a reference or
/// number another instance took meanwhile) throws; the caller rolls the transaction back.
/// </remarks>
internal static class WorkOrderWriter
{
    /// <summary>
    /// For the connection that writes a batch of API work orders on SQLite (it keeps it, pooled): a 64 MiB
    /// page cache instead of 2 MiB, so the complaints' twenty indexes stay in memory from one batch to the
    /// next rather than being read again and spilled to the WAL mid-transaction (measured: half the insert
    /// time at 60,000 complaints). Checkpoints are the app's checkpointer's (<see cref="SqliteCheckpointer"/>).
    /// </summary>
    private const string SqliteBulkPragmas = "PRAGMA cache_size=-65536;";

    /// <summary>
    /// For an import's own writing connection (<see cref="WorkOrderPipeline"/>), which stores batches of
    /// 10,000: a 128 MiB page cache, so a batch's dirty index pages are not spilled to the WAL before its
    /// commit (256 MiB measured no faster); and no checkpoint at commit, also where no checkpointer runs
    /// (a tool) — the pipeline checkpoints from its reading connection while the writer goes on, instead
    /// of the writer copying pages between two batches (docs/benchmarks.md, issue 12). Given back as the
    /// connection had them when the import ends (<see cref="SqliteSettingsAsync"/>).
    /// </summary>
    private const string SqliteImportPragmas = "PRAGMA cache_size=-131072; PRAGMA wal_autocheckpoint=0;";

    /// <summary>The statements that give a SQLite connection back the cache and checkpoint settings it has now, and free its cache's memory.</summary>
    public static async Task<string> SqliteSettingsAsync(DbConnection connection, CancellationToken ct)
    {
        async Task<long> ReadAsync(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        return $"PRAGMA cache_size={await ReadAsync("cache_size")}; PRAGMA wal_autocheckpoint={await ReadAsync("wal_autocheckpoint")}; PRAGMA shrink_memory;";
    }

    /// <summary>Rows per round trip on PostgreSQL: large enough that the trip costs nothing, small enough to stay a few MB.</summary>
    private const int RowsPerTrip = 2000;

    /// <param name="import">Whether the connection is an import's own (<see cref="SqliteImportPragmas"/>), not a pooled one.</param>
    public static async Task StoreAsync(AppDbContext db, DbTransaction tx, IReadOnlyList<RegisteredWorkOrder> batch, DateTimeOffset now, CancellationToken ct, bool import = false)
    {
        if (batch.Count == 0) return;
        await using var complaints = new ModelInsert(db, tx, typeof(Complaint), [ComplaintIndexes.PhoneTail], returnsKey: true);
        await using var timeline = new ModelInsert(db, tx, typeof(TimelineEvent), ["ComplaintId"]);
        await using var measures = new ModelInsert(db, tx, typeof(ComplaintMeasure), [nameof(ComplaintMeasure.ComplaintId)]);
        await using var receipts = new ModelInsert(db, tx, typeof(WorkOrderReceipt), []);
        await using var alerts = new ModelInsert(db, tx, typeof(SlaAlert), []);
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsSqlite()) await PragmaAsync(connection, tx, import ? SqliteImportPragmas : SqliteBulkPragmas, ct);
        var ids = connection.CanCreateBatch
            ? await ComplaintsInOneTripAsync(connection, tx, batch, complaints, ct)
            : await ComplaintsRowByRowAsync(batch, complaints, ct);

        var rows = new List<(ModelInsert Insert, object Row, object?[] Supplied)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (complaint, receipt) = batch[i];
            object?[] id = [ids[i]];
            foreach (var entry in complaint.Timeline) rows.Add((timeline, entry, id));
            rows.Add((measures, ComplaintMeasure.Of(complaint), id));
            receipt.ComplaintId = ids[i];
            rows.Add((receipts, receipt, []));
            if (OpinionAlerts.For(complaint, now) is { } alert)
            {
                alert.ComplaintId = ids[i];
                rows.Add((alerts, alert, []));
            }
        }
        if (connection.CanCreateBatch) await RowsInTripsAsync(connection, tx, rows, ct);
        else
            foreach (var (insert, row, supplied) in rows) await insert.InsertAsync(row, supplied, ct);
    }

    /// <summary>The complaint's supplied column: the phone tail, a shadow column AppDbContext fills on save.</summary>
    private static object?[] PhoneTailOf(Complaint complaint) => [ComplaintIndexes.TailOf(complaint.Customer.Phone)];

    private static async Task<int[]> ComplaintsRowByRowAsync(IReadOnlyList<RegisteredWorkOrder> batch, ModelInsert complaints, CancellationToken ct)
    {
        var ids = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            ids[i] = (int)await complaints.InsertAsync(batch[i].Complaint, PhoneTailOf(batch[i].Complaint), ct);
        return ids;
    }

    private static async Task<int[]> ComplaintsInOneTripAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<RegisteredWorkOrder> batch, ModelInsert complaints, CancellationToken ct)
    {
        var ids = new int[batch.Count];
        await using var trip = NewTrip(connection, tx);
        foreach (var item in batch) trip.BatchCommands.Add(complaints.BatchCommand(trip, item.Complaint, PhoneTailOf(item.Complaint)));
        // One result set per INSERT … RETURNING, in the order the commands were added.
        await using var reader = await trip.ExecuteReaderAsync(ct);
        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0) await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            ids[i] = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        }
        return ids;
    }

    private static async Task RowsInTripsAsync(DbConnection connection, DbTransaction tx, List<(ModelInsert Insert, object Row, object?[] Supplied)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(RowsPerTrip))
        {
            await using var trip = NewTrip(connection, tx);
            foreach (var (insert, row, supplied) in chunk) trip.BatchCommands.Add(insert.BatchCommand(trip, row, supplied));
            await trip.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task PragmaAsync(DbConnection connection, DbTransaction tx, string pragmas, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbBatch NewTrip(DbConnection connection, DbTransaction tx)
    {
        var trip = connection.CreateBatch();
        trip.Transaction = tx;
        return trip;
    }
}
