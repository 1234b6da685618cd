using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>What the built database holds, read back from it (not from the builder's counters).</summary>
internal static class BuildSummary
{
    public static async Task PrintAsync(IDbContextFactory<AppDbContext> factory, int expected)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var stages = (await db.Complaints.GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync())
            .OrderBy(s => s.Stage).ToList();
        var complaints = stages.Sum(s => s.Count);
        var open = stages.Where(s => s.Stage.IsOpen()).Sum(s => s.Count);
        var levels = await db.Complaints.GroupBy(c => c.Escalation).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync();
        var timeline = await db.TimelineEvents.LongCountAsync();
        var alerts = await db.SlaAlerts.GroupBy(a => a.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync();
        var due = await db.Complaints.CountAsync(c => c.AlertCheckAt != null);
        // Numbers are per registration date (TS + yyyyMMdd + 4 digits): the busiest date shows the headroom left.
        var busiestDate = await db.Complaints.GroupBy(c => c.Number.Substring(2, 8)).Select(g => g.Count()).MaxAsync();

        // Read back through the app's mapping: every column must load (JSON columns included), and each
        // timeline entry must still prove itself — its seal covers every field of the entry as written.
        var sample = await db.Complaints.AsNoTracking().Include(c => c.Timeline).OrderByDescending(c => c.Id).Take(1000).ToListAsync();
        var broken = sample.Count(c => c.FirstTamperedEvent is not null);

        if (complaints != expected) Console.WriteLine($"WARNING: {complaints:N0} complaints stored, {expected:N0} asked for");
        Console.WriteLine($"complaints: {complaints:N0}; open {open:N0} ({100.0 * open / complaints:F1} %)");
        Console.WriteLine($"  by stage: {string.Join(", ", stages.Select(s => $"{s.Stage} {s.Count:N0}"))}");
        Console.WriteLine($"  by escalation: {string.Join(", ", levels.OrderBy(l => l.Level).Select(l => $"{l.Level} {l.Count:N0}"))}");
        Console.WriteLine($"  watched (a clock still to reach a level): {due:N0}; busiest registration date: {busiestDate:N0} numbers of {ComplaintNumber.MaxPerDay}");
        Console.WriteLine($"read back through EF: {sample.Count:N0} complaints, {(broken == 0 ? "every timeline seal intact" : $"WARNING: {broken:N0} with a broken timeline seal")}");
        Console.WriteLine($"timeline events: {timeline:N0} ({(double)timeline / complaints:F1} per complaint)");
        Console.WriteLine($"alerts: {alerts.Sum(a => a.Count):N0} ({string.Join(", ", alerts.OrderBy(a => a.Level).Select(a => $"{a.Level} {a.Count:N0}"))})");
    }
}
