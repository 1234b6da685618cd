using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Reports;
using PowerService.Domain.Sampling;
using PowerService.Domain.Time;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

/// <summary>A row of the sampled-revisit statistics: a level, or one level's period in one department.</summary>
public sealed record SamplingRow(string Label, SamplingLevel? Level, string? Period, string? Department, SamplingCounts Counts);

/// <summary>
/// 抽样回访 in a report: the batches whose sampled period ends in the report's period (a week counts in the
/// month of its Sunday), per level and per level, period and department, counted by <see cref="SamplingCounts"/>.
/// </summary>
public sealed record SamplingStatistics(ReportPeriod Period, DateTimeOffset AsOf, IReadOnlyList<SamplingRow> ByLevel, SamplingRow Total, IReadOnlyList<SamplingRow> ByBatch)
{
    public static SamplingStatistics Empty(ReportPeriod period, DateTimeOffset asOf) =>
        new(period, asOf, [.. Enum.GetValues<SamplingLevel>().Select(l => new SamplingRow(Labels.Of(l), l, null, null, SamplingCounts.Zero))],
            new SamplingRow("合计", null, null, null, SamplingCounts.Zero), []);
}

public sealed partial class ReportService
{
    /// <summary>The period's sampled revisits in the reader's scope (a department: the complaints of that department, at every level).</summary>
    public async Task<ReportResult<SamplingStatistics>> SamplingAsync(StaffUser user, ReportPeriod period, string? department, CancellationToken ct = default)
    {
        var (allowed, scope, refusal) = ScopeOf(user, department);
        if (!allowed) return new(null, refusal);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (first, last) = (period.First, period.Last);
        var items = from i in db.SampledRevisits.AsNoTracking()
                    join b in db.SampleBatches on i.BatchId equals b.Id
                    where b.PeriodLast >= first && b.PeriodLast <= last
                    select new { Item = i, b.PeriodFirst, b.PeriodLast };
        if (scope is not null) items = items.Where(x => x.Item.Department == scope);
        var rows = await items.ToListAsync(ct);
        var today = now.ChinaDate();

        var byLevel = Enum.GetValues<SamplingLevel>()
            .Select(l => new SamplingRow(Labels.Of(l), l, null, null, SamplingCounts.Of(rows.Where(r => r.Item.Level == l).Select(r => r.Item), today))).ToList();
        var byBatch = rows.GroupBy(r => (r.Item.Level, r.PeriodFirst, r.PeriodLast, r.Item.Department))
            .OrderBy(g => g.Key.Level).ThenBy(g => g.Key.PeriodFirst).ThenBy(g => g.Key.Department, StringComparer.Ordinal)
            .Select(g => new SamplingRow(new SamplingPeriod(g.Key.Level, g.Key.PeriodFirst, g.Key.PeriodLast).Label, g.Key.Level,
                new SamplingPeriod(g.Key.Level, g.Key.PeriodFirst, g.Key.PeriodLast).Slug, g.Key.Department, SamplingCounts.Of(g.Select(r => r.Item), today)))
            .ToList();
        var total = new SamplingRow("合计", null, null, scope, SamplingCounts.Of(rows.Select(r => r.Item), today));
        return new(new SamplingStatistics(period, now, byLevel, total, byBatch), null);
    }
}
