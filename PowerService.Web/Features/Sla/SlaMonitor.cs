using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Sla;

/// <summary>
/// Reads every running clock and records each warning, critical warning and breach once. The
/// alert's unique key (complaint, clock, start, level) is the guarantee: a second instance, or a
/// restart that re-reads the same clocks, fails to insert what exists and moves on; a level passed
/// while the app was down is recorded on the next scan. A new breach escalates the complaint one
/// level in the same transaction, so escalation happens exactly once too.
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

    /// <summary>One pass over the open complaints; returns the number of alerts recorded.</summary>
    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = await DueAlertsAsync(now, ct);
        var recorded = 0;
        foreach (var group in due.GroupBy(a => a.ComplaintId))
            recorded += await RecordAsync(group.Key, group.ToList(), now, ct);
        if (recorded > 0) signal.Raise();
        return recorded;
    }

    /// <summary>Alerts the clocks call for now that are not stored yet.</summary>
    private async Task<List<SlaAlert>> DueAlertsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thresholds = schedules.Thresholds;
        var open = await db.Complaints.AsNoTracking().Where(c => c.NextDueAt != null).ToListAsync(ct);
        var ids = open.Select(c => c.Id).ToList();
        var existing = (await db.SlaAlerts.AsNoTracking().Where(a => ids.Contains(a.ComplaintId))
                .Select(a => new { a.ComplaintId, a.Clock, a.ClockStartedAt, a.Level }).ToListAsync(ct))
            .Select(a => (a.ComplaintId, a.Clock, a.ClockStartedAt, a.Level)).ToHashSet();

        var alerts = new List<SlaAlert>();
        foreach (var complaint in open)
        foreach (var clock in complaint.RunningClocks)
        {
            var state = clock.Read(now, thresholds).State;
            foreach (var level in AlertLevels.Where(l => l <= state))
            {
                if (existing.Contains((complaint.Id, clock.Kind, clock.StartedAt, level))) continue;
                alerts.Add(new SlaAlert
                {
                    ComplaintId = complaint.Id, Number = complaint.Number, Clock = clock.Kind, ClockStartedAt = clock.StartedAt,
                    Level = level, DueAt = clock.DueAt, CreatedAt = now, OwnerId = complaint.Owner.UserId,
                    FirstResponderId = complaint.FirstResponder.UserId, Department = complaint.Department,
                });
            }
        }
        return alerts;
    }

    private Task<int> RecordAsync(int complaintId, List<SlaAlert> alerts, DateTimeOffset now, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var breach = alerts.FirstOrDefault(a => a.Level == ClockState.Breached);
            if (breach is not null)
            {
                var complaint = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Id == complaintId, ct);
                if (complaint.Escalation < EscalationLevel.Company)
                {
                    var to = complaint.Escalation + 1;
                    var reason = $"“{Labels.Of(breach.Clock)}”时限已超时（截止 {ChinaTime.Format(breach.DueAt)}）";
                    var context = new StepContext(StaffRoles.SystemActor, [StaffRole.System], now, null, await schedules.ForDepartmentAsync(complaint.Department, ct));
                    if (complaint.Escalate(new EscalationRequest(to, EscalationCause.Breach, reason), context).Succeeded) breach.EscalatedTo = to;
                }
            }
            db.SlaAlerts.AddRange(alerts);
            try
            {
                await db.SaveChangesAsync(ct);
                return alerts.Count;
            }
            catch (DbUpdateException ex)
            {
                // Another instance recorded these first (unique key), or someone changed the complaint
                // meanwhile (revision): nothing was written; the next scan sees the current state.
                log.LogInformation("Alerts for complaint {ComplaintId} not recorded this pass: {Reason}", complaintId, ex.InnerException?.Message ?? ex.Message);
                return 0;
            }
        }, ct);
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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await services.GetRequiredService<SlaMonitor>().ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Deadline scan failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
