using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Reports;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// Gives complaints stored before reports existed their <see cref="ComplaintMeasure"/> (and their
/// handling time in working hours), in batches, in the background: the app serves meanwhile — the
/// report page says its figures are incomplete until <see cref="Done"/>. New and changed complaints
/// get theirs as they are saved. Safe with several app instances: a batch that finds its rows
/// already added by another is simply retried.
/// </summary>
/// <remarks>
/// Complaints are read without change tracking (tracking snapshots every JSON column of every
/// complaint: most of the time at a million) and the batch is written in one transaction: the
/// measures as inserts, the handling times as one UPDATE per batch, guarded by each complaint's
/// revision like a save. A complaint saved meanwhile gets its measure from that save, so the
/// batch's insert fails and the batch is read again. On PostgreSQL a large backfill ends with a
/// VACUUM (ANALYZE) of both tables, so the reports' index-only scans need not visit the table
/// (inserted pages are not all-visible until vacuumed) and the queue's do not meet the updated
/// complaints' dead row versions.
/// </remarks>
public sealed class MeasureBackfill(IDbContextFactory<AppDbContext> dbFactory, SlaSchedules schedules, WriteGate gate, ILogger<MeasureBackfill> log)
{
    private const int Batch = 2000;

    /// <summary>From this many rows filled, PostgreSQL's tables are vacuumed and analysed at the end.</summary>
    private const int VacuumFrom = 10_000;

    private volatile bool _done;
    private long _filled;

    public bool Done => _done;

    public long Filled => Interlocked.Read(ref _filled);

    public async Task RunAsync(CancellationToken ct)
    {
        var lastId = 0;
        var retried = false;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var calendar = await schedules.CalendarAsync(ct);
        Dictionary<string, BusinessHours>? hours = null;
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Complaints.AsNoTracking()
                .Where(c => c.Id > lastId && !db.ComplaintMeasures.Any(m => m.ComplaintId == c.Id))
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            if (lastId == 0) log.LogInformation("Computing report measures for complaints stored before reports existed");
            lastId = batch[^1].Id;
            hours ??= await DepartmentHoursAsync(db, ct);
            var measures = new List<ComplaintMeasure>(batch.Count);
            var handling = new List<(int Id, int Revision, int Minutes)>();
            foreach (var complaint in batch)
            {
                if (complaint.MeasureHandlingTime(calendar, hours.GetValueOrDefault(complaint.Department, BusinessHours.Default)))
                    handling.Add((complaint.Id, complaint.Revision, complaint.HandlingWorkingMinutes!.Value));
                measures.Add(ComplaintMeasure.Of(complaint));
            }
            try
            {
                await gate.RunAsync(() => SaveAsync(db, measures, handling, ct), ct);
                Interlocked.Add(ref _filled, batch.Count);
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested && !retried)
            {
                lastId = batch[0].Id - 1; // another instance or a save filled some of these meanwhile: read the batch again, once
                retried = true;
                continue;
            }
            retried = false;
        }
        if (Filled > 0) log.LogInformation("Report measures computed for {Count} complaints in {Seconds:0} s", Filled, started.Elapsed.TotalSeconds);
        if (Filled >= VacuumFrom && !ct.IsCancellationRequested) await VacuumAsync(ct);
        _done = !ct.IsCancellationRequested;
    }

    private static async Task<bool> SaveAsync(AppDbContext db, List<ComplaintMeasure> measures, List<(int Id, int Revision, int Minutes)> handling, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (handling.Count > 0)
        {
            // UPDATE … FROM (VALUES (id, revision, minutes), …): one statement for the batch, the same
            // on SQLite and PostgreSQL (both name a VALUES list's columns column1, column2, …).
            var rows = string.Join(", ", handling.Select((_, i) => $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
            var values = handling.SelectMany(h => new object[] { h.Id, h.Revision, h.Minutes }).ToArray();
            // Only the placeholders {0}, {1}, … are put into the text; every value goes as a parameter.
#pragma warning disable EF1003
            var updated = await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"Complaints\" SET \"HandlingWorkingMinutes\" = v.column3 FROM (VALUES {rows}) AS v " +
                "WHERE \"Complaints\".\"Id\" = v.column1 AND \"Complaints\".\"Revision\" = v.column2", values, ct);
#pragma warning restore EF1003
            if (updated != handling.Count)
                throw new DbUpdateConcurrencyException($"{handling.Count - updated} complaints of the batch changed while their measures were computed");
        }
        db.ComplaintMeasures.AddRange(measures);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task VacuumAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsNpgsql()) return;
        db.Database.SetCommandTimeout(DatabaseSetup.MigrationTimeout);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"ComplaintMeasures\"", ct);
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"Complaints\"", ct);
        log.LogInformation("Vacuumed and analysed the measures and complaints in {Seconds:0} s", watch.Elapsed.TotalSeconds);
    }

    private static async Task<Dictionary<string, BusinessHours>> DepartmentHoursAsync(AppDbContext db, CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, d => new BusinessHours(d.Opens, d.Closes), ct);
}

/// <summary>Runs <see cref="MeasureBackfill"/> once at start-up, beside the app.</summary>
public sealed class MeasureBackfillJob(MeasureBackfill backfill, ILogger<MeasureBackfillJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await backfill.RunAsync(stoppingToken); }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception ex) { log.LogError(ex, "Computing report measures failed; reports stay incomplete until the next start"); }
    }
}
