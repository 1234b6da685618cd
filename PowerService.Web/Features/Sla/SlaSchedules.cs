using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Sla;

/// <summary>Configuration of the deadline watcher and the warning thresholds ("Sla" section).</summary>
public sealed class SlaOptions
{
    public double WarningAt { get; set; } = 0.75;
    public double CriticalAt { get; set; } = 0.90;
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    public ClockThresholds Thresholds => new(WarningAt, CriticalAt);
}

/// <summary>
/// The SLA rules in force, read from the database (policy rows, calendar years, department hours)
/// and cached until an admin changes them. Every step of the loop takes its schedule from here.
/// </summary>
public sealed class SlaSchedules(IDbContextFactory<AppDbContext> dbFactory, IOptions<SlaOptions> options)
{
    private sealed record Snapshot(SlaPolicy Policy, WorkingCalendar Calendar, IReadOnlyDictionary<string, BusinessHours> Hours);

    private Snapshot? _snapshot;

    public ClockThresholds Thresholds => options.Value.Thresholds.IsValid ? options.Value.Thresholds : ClockThresholds.Default;

    public async Task<SlaSchedule> ForDepartmentAsync(string department, CancellationToken ct = default)
    {
        var snapshot = await LoadAsync(ct);
        var hours = snapshot.Hours.GetValueOrDefault(department, BusinessHours.Default);
        return new SlaSchedule(snapshot.Policy, snapshot.Calendar, hours, Thresholds);
    }

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Calendar;

    /// <summary>Called after an admin edits the policy, a calendar year or business hours.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _snapshot, null);

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _snapshot) is { } cached) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.SlaRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var snapshot = new Snapshot(
            new SlaPolicy(rules.Select(r => r.ToRule()).ToList()),
            new WorkingCalendar(years.Select(y => y.ToYear())),
            departments.ToDictionary(d => d.Name, d => new BusinessHours(d.Opens, d.Closes)));
        Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        return snapshot;
    }
}
