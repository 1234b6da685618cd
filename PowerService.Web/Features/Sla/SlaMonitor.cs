using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sla;

/// <summary>
/// Reads the complaints that are due a look (<see cref="Complaint.AlertCheckAt"/>: set by every step,
/// and by this scan to the next instant a clock passes a level) and records each warning, critical
/// warning and breach once; a scan costs what is due, not what is open. The
/// alert's unique key (complaint, clock id, level) is the guarantee: a second instance, or a
/// restart that re-reads the same clocks, finds what exists and moves on; a level passed while the
/// app was down is recorded on the next scan. Each alert is its own transaction, so one that cannot
/// be stored never takes another with it; a new breach escalates the complaint one level in the
/// same transaction as its alert, so escalation happens exactly once too.
/// </summary>
public sealed class SlaMonitor(
    IDbContextFactory<AppDbContext> dbFactory,
    WriteGate gate,
    SlaSchedules schedules,
    AlertSignal signal,
    TimeProvider time,
    ILogger<SlaMonitor> log)
{
    private static readonly ClockState[] AlertLevels = [ClockState.Warning, ClockState.Critical, ClockState.Breached];

    /// <summary>Complaints read at once: bounds the memory of a scan and the parameters of a statement, whatever the data.</summary>
    public const int BatchSize = 500;

    /// <summary>Batches per scan: a backlog (the first start on a large database) is worked off over several scans.</summary>
    private const int MaxBatchesPerScan = 40;

    /// <summary>How many complaints the last scan read: what was due, for tests and benchmarks.</summary>
    public int LastExamined { get; private set; }

    private readonly RepeatedFailureLog _failures = new(log, time);

    /// <summary>Alerts that could not be stored and are retried on each scan, by key; empty when all is well.</summary>
    public IReadOnlyDictionary<string, int> Failing => _failures.Open;

    /// <summary>One pass over the complaints that are due a look; returns the number of alerts recorded.</summary>
    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var recorded = 0;
        var examined = 0;
        (DateTimeOffset At, int Id)? after = null;
        for (var batch = 0; batch < MaxBatchesPerScan; batch++)
        {
            var due = await DueComplaintsAsync(now, after, ct);
            if (due.Count == 0) break;
            examined += due.Count;
            after = (due[^1].Complaint.AlertCheckAt!.Value, due[^1].Complaint.Id);
            foreach (var complaint in due)
            {
                var allStored = true;
                foreach (var alert in complaint.Alerts)
                    if (await RecordAsync(alert, now, ct)) recorded++;
                    else allStored &= await IsStoredAsync(alert, ct);
                // Looked at again at the next level's instant; an alert not stored keeps it due (retried next scan).
                if (allStored) await RescheduleAsync(complaint.Complaint, now, ct);
            }
            if (due.Count < BatchSize) break;
        }
        LastExamined = examined;
        if (recorded > 0) signal.Raise();
        return recorded;
    }

    private sealed record DueComplaint(Complaint Complaint, List<SlaAlert> Alerts);

    /// <summary>
    /// The next complaints due a look, earliest first, with the alerts their clocks call for now that
    /// are not stored yet, lower levels first.
    /// </summary>
    /// <remarks>
    /// Read in (time to look, id) order from where the previous batch ended, so a complaint whose
    /// alert could not be stored (and stays due) is not read twice in one scan.
    /// </remarks>
    private async Task<List<DueComplaint>> DueComplaintsAsync(DateTimeOffset now, (DateTimeOffset At, int Id)? after, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thresholds = schedules.Thresholds;
        var query = db.Complaints.AsNoTracking().Where(c => c.AlertCheckAt != null && c.AlertCheckAt <= now);
        if (after is var (afterAt, afterId))
            query = query.Where(c => c.AlertCheckAt > afterAt || (c.AlertCheckAt == afterAt && c.Id > afterId));
        var due = await query
            .OrderBy(c => c.AlertCheckAt).ThenBy(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        var ids = due.Select(c => c.Id).ToList(); // at most BatchSize: the parameter count never grows with the data
        var existing = (await db.SlaAlerts.AsNoTracking()
                .Where(a => ids.Contains(a.ComplaintId))
                .Select(a => new { a.ComplaintId, a.ClockId, a.Level }).ToListAsync(ct))
            .Select(a => (a.ComplaintId, a.ClockId, a.Level)).ToHashSet();
        return due.Select(c => new DueComplaint(c, AlertsOf(c, existing, now, thresholds))).ToList();
    }

    /// <summary>
    /// The alerts a complaint's running clocks call for at <paramref name="now"/> that <paramref name="existing"/>
    /// does not hold, lower levels first. Shared with the scale database builder (issue 9), which brings
    /// generated complaints to the state this watcher would leave them in.
    /// </summary>
    internal static List<SlaAlert> AlertsOf(Complaint complaint, HashSet<(int, int, ClockState)> existing, DateTimeOffset now, ClockThresholds thresholds)
    {
        var alerts = new List<SlaAlert>();
        foreach (var clock in complaint.RunningClocks)
        {
            var state = clock.Read(now, thresholds).State;
            foreach (var level in AlertLevels.Where(l => l <= state))
            {
                if (existing.Contains((complaint.Id, clock.Id, level))) continue;
                alerts.Add(new SlaAlert
                {
                    ComplaintId = complaint.Id, Number = complaint.Number, ClockId = clock.Id, Clock = clock.Kind, ClockStartedAt = clock.StartedAt,
                    Level = level, DueAt = clock.DueAt, CreatedAt = now, OwnerId = complaint.Owner.UserId,
                    FirstResponderId = complaint.FirstResponder.UserId, Department = complaint.Department,
                });
            }
        }
        return alerts;
    }

    /// <summary>
    /// Sets when to look next, unless the complaint changed since it was read (a step, or the escalation
    /// a breach brought): its step set the time to look to now, so the next scan reads it afresh.
    /// </summary>
    private async Task RescheduleAsync(Complaint seen, DateTimeOffset now, CancellationToken ct)
    {
        var next = seen.NextAlertAfter(now, schedules.Thresholds);
        await gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Complaints.Where(c => c.Id == seen.Id && c.Revision == seen.Revision)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AlertCheckAt, next), ct);
        }, ct);
    }

    /// <summary>Stores one alert (with the escalation a breach brings); false when it was not stored now.</summary>
    private Task<bool> RecordAsync(SlaAlert alert, DateTimeOffset now, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            var key = $"{alert.Number}/{alert.ClockId}/{alert.Level}";
            var what = $"Recording the {alert.Level} alert of clock {alert.ClockId} ({alert.Clock}) of complaint {alert.Number}";
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (alert.Level == ClockState.Breached) await EscalateAsync(db, alert, now, ct);
                db.SlaAlerts.Add(alert);
                await db.SaveChangesAsync(ct);
                _failures.Succeeded(key, what);
                return true;
            }
            catch (DbUpdateException ex)
            {
                // Another instance stored this alert first (unique key) or changed the complaint
                // meanwhile (revision): nothing of this alert was written; the next scan decides again.
                if (ex is DbUpdateConcurrencyException || await IsStoredAsync(alert, ct))
                {
                    log.LogDebug("Alert {Key} was recorded by another instance or its complaint changed; skipped", key);
                    _failures.Succeeded(key, what);
                }
                else _failures.Failed(key, what, ex);
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever breaks for one complaint must not stop the scan for all the others.
                _failures.Failed(key, what, ex);
                return false;
            }
        }, ct);

    private async Task EscalateAsync(AppDbContext db, SlaAlert breach, DateTimeOffset now, CancellationToken ct)
    {
        var complaint = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Id == breach.ComplaintId, ct);
        if (complaint.Escalation >= EscalationLevel.Company) return;
        Escalate(complaint, breach, now, await schedules.ForDepartmentAsync(complaint.Department, ct));
    }

    /// <summary>
    /// A new breach takes the complaint one level up, by the system, up to company level; the alert
    /// records the level reached. Shared with the scale database builder (issue 9).
    /// </summary>
    internal static void Escalate(Complaint complaint, SlaAlert breach, DateTimeOffset now, SlaSchedule schedule)
    {
        if (complaint.Escalation >= EscalationLevel.Company) return;
        var to = complaint.Escalation + 1;
        var reason = $"“{Labels.Of(breach.Clock)}”时限已超时（截止 {ChinaTime.Format(breach.DueAt)}）";
        var context = new StepContext(StaffRoles.SystemActor, [StaffRole.System], now, null, schedule);
        if (complaint.Escalate(new EscalationRequest(to, EscalationCause.Breach, reason), context).Succeeded) breach.EscalatedTo = to;
    }

    private async Task<bool> IsStoredAsync(SlaAlert alert, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SlaAlerts.AnyAsync(a => a.ComplaintId == alert.ComplaintId && a.ClockId == alert.ClockId && a.Level == alert.Level, ct);
    }
}

/// <summary>Tells the open pages of this instance that new alerts exist (other instances' pages poll).</summary>
public sealed class AlertSignal
{
    public event Action? Raised;

    public void Raise() => Raised?.Invoke();
}

/// <summary>Runs <see cref="SlaMonitor.ScanAsync"/> at start and then every <see cref="SlaOptions.ScanInterval"/> on the app's clock.</summary>
public sealed class SlaWatcher(IServiceProvider services, Microsoft.Extensions.Options.IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaWatcher> log) : BackgroundService
{
    private const string Scan = "The deadline scan";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = new RepeatedFailureLog(log, time);
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await services.GetRequiredService<SlaMonitor>().ScanAsync(stoppingToken);
                failures.Succeeded(Scan, Scan);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Failed(Scan, Scan, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
