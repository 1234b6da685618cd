using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

/// <summary>A report, or why this person may not read it.</summary>
public sealed record ReportResult<T>(T? Value, string? Refusal) where T : class;

/// <summary>
/// The managers' reports, read from the measures table (one narrow row per complaint) with the
/// conditions of <see cref="MeasureFacts"/>, at one instant: the scorecard, the breakdowns, the
/// trend and the 12398 statistics. Each number carries the <see cref="ReportFilter"/> behind it.
/// </summary>
public sealed partial class ReportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, MeasureBackfill backfill)
{
    /// <summary>The department the person may read (null: the whole company), or why not.</summary>
    public static (bool Allowed, string? Department, string? Refusal) ScopeOf(StaffUser user, string? asked) =>
        ReportAccess.Scope(user.Roles.ToList(), user.Workplace, asked);

    public async Task<ReportResult<Scorecard>> ScorecardAsync(StaffUser user, ReportPeriod period, string? department, CancellationToken ct = default)
    {
        var (allowed, scope, refusal) = ScopeOf(user, department);
        if (!allowed) return new(null, refusal);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policies = await PoliciesAsync(db, ct);
        var policy = KpiPolicy.InForce(policies, period.First);
        var filter = new ReportFilter(period, now) { Department = scope };

        var groups = await GroupedAsync(filter.Apply(db.ComplaintMeasures), m => new { m.Department, m.HandlerId }, now, true, ct);
        var departments = scope is null ? await DepartmentNamesAsync(db, ct) : [scope];
        var departmentRows = departments
            .Concat(groups.Select(g => g.Key.Department).Where(d => !departments.Contains(d)).Distinct().Order(StringComparer.Ordinal))
            .Select(d => Row(d, d, null, Sum(groups.Where(g => g.Key.Department == d).Select(g => g.Counts)), policy, filter with { Department = d }))
            .ToList();
        var handlerRows = groups
            .OrderBy(g => departments.IndexOf(g.Key.Department) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.HandlerName, StringComparer.Ordinal)
            .ThenBy(g => g.Key.HandlerId, StringComparer.Ordinal)
            .Select(g => Row(g.HandlerName ?? g.Key.HandlerId, g.Key.Department, g.Key.HandlerId, g.Counts, policy, filter with { Department = g.Key.Department, HandlerId = g.Key.HandlerId }))
            .ToList();
        var total = Row(scope ?? "全公司", scope, null, Sum(groups.Select(g => g.Counts)), policy, filter);

        return new(new Scorecard(period, scope, now, policy, total,
            await TotalRowAsync(db, period.Previous(), scope, now, policies, ct),
            await TotalRowAsync(db, period.SameLastYear(), scope, now, policies, ct),
            departmentRows, handlerRows, !backfill.Done), null);
    }

    private static async Task<ScoreRow> TotalRowAsync(AppDbContext db, ReportPeriod period, string? scope, DateTimeOffset now, IReadOnlyList<KpiPolicy> policies, CancellationToken ct)
    {
        var filter = new ReportFilter(period, now) { Department = scope };
        var counts = await CountsAsync(db, filter, ct);
        return Row(period.Label, scope, null, counts, KpiPolicy.InForce(policies, period.First), filter);
    }

    /// <summary>
    /// The counts of every complaint a filter selects, in one pass. Read per department and handler
    /// (and month and stage) like the scorecard, in the covering index's order, and added up here:
    /// cheaper than one group, which the database would sort the period's rows for.
    /// </summary>
    public static async Task<KpiCounts> CountsAsync(AppDbContext db, ReportFilter filter, CancellationToken ct) =>
        Sum((await GroupedAsync(filter.Apply(db.ComplaintMeasures), m => new { m.Department, m.HandlerId }, filter.AsOf, true, ct)).Select(g => g.Counts));

    /// <summary>A group's counts and (for handlers) the name its measures carry.</summary>
    private sealed record Counted<TKey>(TKey Key, KpiCounts Counts, string? HandlerName);

    /// <summary>
    /// The KPI counts of each group of <paramref name="key"/>: the database counts per group and stage
    /// (and month, with <paramref name="byMonth"/>: the scorecard index's order), added up here.
    /// </summary>
    private static async Task<List<Counted<TKey>>> GroupedAsync<TKey>(IQueryable<ComplaintMeasure> measures, Expression<Func<ComplaintMeasure, TKey>> key,
        DateTimeOffset now, bool byMonth, CancellationToken ct) where TKey : notnull
    {
        var tally = new MeasureFacts.Tally(MeasureFacts.KpiFacts, now);
        return Combine(await tally.Apply(measures, key, byMonth).ToListAsync(ct), tally);
    }

    /// <summary>The rows of each group (one per stage and month) added up.</summary>
    private static List<Counted<TKey>> Combine<TKey>(List<StageCountsRow<TKey>> rows, MeasureFacts.Tally tally) where TKey : notnull =>
        [.. rows.GroupBy(r => r.Key).Select(g => new Counted<TKey>(g.Key, Sum(g.Select(tally.ToCounts)), g.Select(r => r.HandlerName).Max(StringComparer.Ordinal)))];

    private static ScoreRow Row(string label, string? department, string? handlerId, KpiCounts counts, KpiPolicy policy, ReportFilter filter) =>
        new(label, department, handlerId, counts, KpiScore.Of(counts, policy), filter);

    private static KpiCounts Sum(IEnumerable<KpiCounts> counts) => counts.Aggregate(KpiCounts.Zero, (a, b) => a + b);

    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DepartmentNamesAsync(db, ct);
    }

    private static async Task<List<string>> DepartmentNamesAsync(AppDbContext db, CancellationToken ct) =>
        await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync(ct);

    /// <summary>Every policy version, oldest first (the default when none was saved).</summary>
    private static async Task<IReadOnlyList<KpiPolicy>> PoliciesAsync(AppDbContext db, CancellationToken ct)
    {
        var saved = await db.KpiPolicies.AsNoTracking().OrderBy(p => p.Version).ToListAsync(ct);
        return saved.Count == 0 ? [KpiPolicy.Default] : saved.Select(p => p.ToPolicy()).ToList();
    }
}
