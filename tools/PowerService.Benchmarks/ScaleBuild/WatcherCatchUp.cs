using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// Brings a generated complaint to the state the deadline watcher (<see cref="SlaMonitor"/>) would
/// have left it in at <c>now</c>: the alerts its running clocks call for, one escalation per new
/// breach, and the time it looks next. Uses the watcher's own rules, so the built database is one
/// the running app would not change on its first scan.
/// </summary>
internal static class WatcherCatchUp
{
    /// <summary>The alerts to store (complaint id still 0) and the value of <see cref="Complaint.AlertCheckAt"/> after the watcher's scans.</summary>
    public static (List<SlaAlert> Alerts, DateTimeOffset? NextCheck) Apply(
        Complaint complaint, DateTimeOffset now, ClockThresholds thresholds, Func<string, SlaSchedule> scheduleOf)
    {
        var recorded = new List<SlaAlert>();
        var existing = new HashSet<(int, int, ClockState)>();
        // Scan after scan until one finds nothing new, as the watcher's runs do: an escalation is a
        // step, and a step has the watcher look at the complaint again on its next scan.
        while (SlaMonitor.AlertsOf(complaint, existing, now, thresholds) is { Count: > 0 } alerts)
        {
            foreach (var alert in alerts)
            {
                if (alert.Level == ClockState.Breached) SlaMonitor.Escalate(complaint, alert, now, scheduleOf(complaint.Department));
                existing.Add((alert.ComplaintId, alert.ClockId, alert.Level));
                recorded.Add(alert);
            }
        }
        // What the watcher's reschedule sets: the next level a running clock reaches (null when none will).
        return (recorded, complaint.NextAlertAfter(now, thresholds));
    }
}
