using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Domain.Time;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>The period's counts by category, sub-category, channel, urgency, department, handler and escalation (one grouped read, rolled up here), breaches by clock, root causes and corrective actions.</summary>
    public async Task<ReportResult<Breakdowns>> BreakdownsAsync(StaffUser user, ReportPeriod period, string? department, CancellationToken ct = default)
    {
        var (allowed, scope, refusal) = ScopeOf(user, department);
        if (!allowed) return new(null, refusal);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filter = new ReportFilter(period, now) { Department = scope };
        // One pass over the period for every dimension and the breaches of every clock.
        var clocks = Enum.GetValues<ClockKind>();
        var tally = new MeasureFacts.Tally(MeasureFacts.KpiFacts, now, clocks);
        var rows = await tally.Apply(filter.Apply(db.ComplaintMeasures),
            m => new { m.Category, m.SubCategory, m.Channel, m.Urgency, m.Department, m.HandlerId, m.Escalation }).ToListAsync(ct);
        var groups = Combine(rows, tally);
        var customers = await db.Departments.Where(d => d.Customers != null).ToDictionaryAsync(d => d.Name, d => d.Customers!.Value, ct);

        var byCategory = Roll(groups, g => g.Key.Category, Enum.GetValues<Category>(), c => Labels.Of(c), c => filter with { Category = c });
        var bySub = Roll(groups, g => (g.Key.Category, g.Key.SubCategory), null, k => $"{Labels.Of(k.Category)} / {k.SubCategory}", k => filter with { Category = k.Category, SubCategory = k.SubCategory });
        var byChannel = Roll(groups, g => g.Key.Channel, Enum.GetValues<Channel>(), c => Labels.Of(c), c => filter with { Channel = c });
        var byUrgency = Roll(groups, g => g.Key.Urgency, Enum.GetValues<Urgency>(), u => Labels.Of(u), u => filter with { Urgency = u });
        var byDepartment = Roll(groups, g => g.Key.Department, scope is null ? await DepartmentNamesAsync(db, ct) : [scope], d => d, d => filter with { Department = d })
            .Select(r => r with { PerTenThousandCustomers = customers.TryGetValue(r.Filter.Department!, out var n) && n > 0 ? Math.Round(r.Counts.Received * 10000m / n, 2) : null })
            .ToList();
        var names = groups.GroupBy(g => g.Key.HandlerId).ToDictionary(h => h.Key, h => h.Select(g => g.HandlerName).Max(StringComparer.Ordinal) ?? h.Key);
        var byHandler = Roll(groups, g => (g.Key.Department, g.Key.HandlerId), null, k => $"{names[k.HandlerId]}（{k.Department}）", k => filter with { Department = k.Department, HandlerId = k.HandlerId });
        var byEscalation = Enum.GetValues<EscalationLevel>()
            .Select(l => new CountRow(Labels.Of(l), groups.Where(g => g.Key.Escalation == l).Sum(g => g.Counts.Received), filter with { Escalation = l })).ToList();

        var breaches = clocks.Select(clock => new CountRow(Labels.Of(clock), rows.Sum(r => tally.Breached(clock, r)), filter with { BreachedClock = clock })).ToList();
        var causes = await filter.Apply(db.ComplaintMeasures).Where(m => m.RootCause != null)
            .GroupBy(m => m.RootCause).Select(g => new { Cause = g.Key!, Count = g.LongCount() })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Cause).Take(10).ToListAsync(ct);
        var dueDates = await filter.Apply(db.ComplaintMeasures).Where(m => m.ImprovementActions > 0)
            .Select(m => new ComplaintMeasure { ImprovementActions = m.ImprovementActions, ActionDueDates = m.ActionDueDates }).ToListAsync(ct);
        var today = now.ChinaDate();
        var reopened = filter with { Fact = KpiFact.Reopened };

        return new(new Breakdowns(period, now, byCategory, bySub, byChannel, byUrgency, byDepartment, byHandler, byEscalation, breaches,
            [.. causes.Select(c => new CountRow(c.Cause, c.Count, filter with { RootCause = c.Cause }))],
            new CountRow(Labels.Of(KpiFact.Reopened), groups.Sum(g => g.Counts.Reopened), reopened),
            dueDates.Sum(m => (long)m.ImprovementActions), dueDates.Sum(m => (long)m.ActionsPastDue(today))) { Wording = await WordingUseAsync(db, period, scope, ct) }, null);
    }

    /// <summary>The period's forbidden-phrase hits (by when they were written, China dates), in the reader's scope.</summary>
    private static async Task<WordingUse> WordingUseAsync(Data.AppDbContext db, ReportPeriod period, string? scope, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var hits = db.WordingHits.Where(h => h.At >= from && h.At < to);
        if (scope is not null) hits = hits.Where(h => h.Department == scope);
        var rows = await hits.GroupBy(h => new { h.Department, h.UserId, h.UserName, h.Phrase }).Select(g => new { g.Key.Department, g.Key.UserId, g.Key.UserName, g.Key.Phrase, Count = g.LongCount() }).ToListAsync(ct);
        static IReadOnlyList<PlainCount> By<T>(IEnumerable<T> source, Func<T, string> label, Func<T, long> count) =>
            [.. source.GroupBy(label).Select(g => new PlainCount(g.Key, g.Sum(count))).OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)];
        return new(rows.Sum(r => r.Count), By(rows, r => r.Department, r => r.Count),
            By(rows.GroupBy(r => r.UserId).SelectMany(g => g.Select(r => (Name: $"{g.Max(x => x.UserName)}（{r.Department}）", r.Count))), x => x.Name, x => x.Count),
            By(rows, r => r.Phrase, r => r.Count));
    }

    /// <summary>Rolls grouped counts up to one dimension: every listed value (zero when absent), then any others found.</summary>
    private static List<BreakdownRow> Roll<TGroup, TKey>(IEnumerable<Counted<TGroup>> groups, Func<Counted<TGroup>, TKey> key, IEnumerable<TKey>? listed,
        Func<TKey, string> label, Func<TKey, ReportFilter> narrow) where TKey : notnull
    {
        var sums = groups.GroupBy(key).ToDictionary(g => g.Key, g => Sum(g.Select(r => r.Counts)));
        var keys = (listed ?? []).ToList();
        // Equal counts in the order of their labels: the database returns groups in no defined order (PostgreSQL's hashing).
        keys.AddRange(sums.Keys.Where(k => !keys.Contains(k)).OrderByDescending(k => sums[k].Received).ThenBy(label, StringComparer.Ordinal));
        return [.. keys.Select(k => new BreakdownRow(label(k), sums.GetValueOrDefault(k, KpiCounts.Zero), narrow(k)))];
    }
}
