using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Reports;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// Gives complaints stored before reports existed their <see cref="ComplaintMeasure"/> (and their
/// handling time in working hours), in batches, in the background: at a million complaints this
/// takes minutes, and the app serves meanwhile — the report page says its figures are incomplete
/// until <see cref="Done"/>. New and changed complaints get theirs as they are saved. Safe with
/// several app instances: a batch that finds its rows already added by another is simply retried.
/// </summary>
public sealed class MeasureBackfill(IDbContextFactory<AppDbContext> dbFactory, SlaSchedules schedules, ILogger<MeasureBackfill> log)
{
    private const int Batch = 500;
    private volatile bool _done;
    private long _filled;

    public bool Done => _done;

    public long Filled => Interlocked.Read(ref _filled);

    public async Task RunAsync(CancellationToken ct)
    {
        var lastId = 0;
        var retried = false;
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Complaints
                .Where(c => c.Id > lastId && !db.ComplaintMeasures.Any(m => m.ComplaintId == c.Id))
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            if (lastId == 0) log.LogInformation("Computing report measures for complaints stored before reports existed");
            lastId = batch[^1].Id;
            var calendar = await schedules.CalendarAsync(ct);
            var hours = await DepartmentHoursAsync(db, ct);
            foreach (var complaint in batch)
            {
                // A changed complaint gets its measure from the save itself (AppDbContext); an unchanged one is added here.
                if (!complaint.MeasureHandlingTime(calendar, hours.GetValueOrDefault(complaint.Department, BusinessHours.Default)))
                    db.ComplaintMeasures.Add(ComplaintMeasure.Of(complaint));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                Interlocked.Add(ref _filled, batch.Count);
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested && !retried)
            {
                lastId = batch[0].Id - 1; // another instance filled some of these meanwhile: read the batch again, once
                retried = true;
                continue;
            }
            retried = false;
        }
        if (Filled > 0) log.LogInformation("Report measures computed for {Count} complaints in {Seconds:0} s", Filled, started.Elapsed.TotalSeconds);
        _done = !ct.IsCancellationRequested;
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
