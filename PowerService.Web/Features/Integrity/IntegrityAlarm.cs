using Microsoft.EntityFrameworkCore;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Integrity;

/// <summary>
/// Reports a record that fails verification: to the operators' log (the first time as an error, then
/// with a count once an hour — a tampered complaint is read many times) and to the admins, as an open
/// <see cref="IntegrityAlert"/> the app bar shows them until one of them closes it.
/// </summary>
public sealed class IntegrityAlarm(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, ILogger<IntegrityAlarm> log, TimeProvider time)
{
    private readonly RepeatedFailureLog _log = new(log, time);

    /// <summary>Raised when an alert is opened, so admins' open pages update at once.</summary>
    public event Action? Opened;

    public async Task ReportAsync(IntegrityFinding finding, CancellationToken ct = default)
    {
        _log.Failed($"{finding.Number}/{finding.What}", $"Integrity check of {finding.Number} ({finding.What})", new InvalidDataException(finding.What));
        try
        {
            bool opened;
            try
            {
                opened = await gate.RunAsync(() => RecordAsync(finding, ct), ct);
            }
            catch (DbUpdateException)
            {
                // Another instance opened the same alert at the same moment (unique key): count this sighting on it.
                opened = await gate.RunAsync(() => RecordAsync(finding, ct), ct);
            }
            if (opened) Opened?.Invoke();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The finding is in the log already; a read must not fail because its alert could not be stored.
            log.LogError(ex, "Storing the integrity alert for {Number} failed", finding.Number);
        }
    }

    /// <summary>Opens the alert, or counts one more sighting of an open one; true when it was opened now.</summary>
    private async Task<bool> RecordAsync(IntegrityFinding finding, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var alert = await db.IntegrityAlerts.SingleOrDefaultAsync(a => a.Number == finding.Number && a.What == finding.What, ct);
        var opened = alert is null || alert.ClosedAt is not null;
        if (alert is null)
            db.IntegrityAlerts.Add(alert = new IntegrityAlert { Number = finding.Number, What = finding.What, FirstSeenAt = now });
        // Closed but seen again: the record is still wrong, so the alert opens again.
        (alert.LastSeenAt, alert.Occurrences, alert.ClosedAt, alert.ClosedBy) = (now, alert.Occurrences + 1, null, null);
        await db.SaveChangesAsync(ct);
        return opened;
    }

    public async Task<IReadOnlyList<IntegrityAlert>> OpenAlertsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IntegrityAlerts.AsNoTracking().Where(a => a.ClosedAt == null).OrderByDescending(a => a.LastSeenAt).ToListAsync(ct);
    }

    public async Task<int> OpenCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IntegrityAlerts.CountAsync(a => a.ClosedAt == null, ct);
    }

    /// <summary>
    /// An admin has dealt with it (restored the record from a backup, reported it): closed, by whom and
    /// when. Null when closed now; otherwise who closed it first (another admin at the same time).
    /// </summary>
    public Task<string?> CloseAsync(long id, string by, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow();
            var closed = await db.IntegrityAlerts.Where(a => a.Id == id && a.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClosedAt, now).SetProperty(a => a.ClosedBy, by), ct);
            return closed == 1 ? null : await db.IntegrityAlerts.Where(a => a.Id == id).Select(a => a.ClosedBy).SingleOrDefaultAsync(ct) ?? "其他管理员";
        }, ct);
}
