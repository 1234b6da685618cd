using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

public sealed partial class ReportService
{
    /// <summary>How many months a trend shows: two years, so a season can be compared with the same season before.</summary>
    public const int TrendMonths = 24;

    /// <summary>The monthly series of the <see cref="TrendMonths"/> months up to the period's last month: counts and KPIs, and counts by category.</summary>
    public async Task<ReportResult<Trend>> TrendAsync(StaffUser user, ReportPeriod period, string? department, CancellationToken ct = default)
    {
        var (allowed, scope, refusal) = ScopeOf(user, department);
        if (!allowed) return new(null, refusal);
        var now = time.GetUtcNow();
        var last = new DateOnly(period.Last.Year, period.Last.Month, 1);
        var span = ReportPeriod.Custom(last.AddMonths(1 - TrendMonths), last.AddMonths(1).AddDays(-1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filter = new ReportFilter(span, now) { Department = scope };
        var tally = new MeasureFacts.Tally(MeasureFacts.KpiFacts, now);
        var measures = filter.Apply(db.ComplaintMeasures);
        // Two years are most of the table. SQLite groups by sorting unless the rows arrive in the
        // groups' order: by month, department, handler, stage and category they come from the
        // covering index as they are (no sort of a million rows). PostgreSQL hashes groups when it
        // expects few of them, and with the handlers' groups it expects too many and sorts instead
        // (on disk, at the default work_mem): there, by month, stage and category only.
        var rows = db.Database.IsNpgsql()
            ? (await tally.Apply(measures, m => m.Category, byMonth: true).ToListAsync(ct)).Select(r => (r.Month, Category: r.Key, Counts: tally.ToCounts(r))).ToList()
            : (await tally.Apply(measures, m => new { m.Department, m.HandlerId }, byMonth: true, byCategory: true).ToListAsync(ct))
                .Select(r => (r.Month, r.Category, Counts: tally.ToCounts(r))).ToList();
        var months = span.Months().Select(m =>
        {
            var key = m.First.Year * 100 + m.First.Month;
            var of = rows.Where(r => r.Month == key).Select(r => (r.Category, r.Counts)).ToList();
            return new TrendMonth(m, Sum(of.Select(r => r.Counts)),
                Enum.GetValues<Category>().ToDictionary(c => c, c => of.Where(r => r.Category == c).Sum(r => r.Counts.Received)));
        }).ToList();
        return new(new Trend(months, now), null);
    }

    /// <summary>The 12398 statistics: items received through the regulator's hotline, in its categories, then its complaints by issue type and department.</summary>
    public async Task<ReportResult<RegulatorStatistics>> RegulatorAsync(StaffUser user, ReportPeriod period, string? department, CancellationToken ct = default)
    {
        var (allowed, scope, refusal) = ScopeOf(user, department);
        if (!allowed) return new(null, refusal);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filter = new ReportFilter(period, now) { Department = scope };
        var tally = new MeasureFacts.Tally(MeasureFacts.RegulatorFacts, now);
        var groups = (await tally.Apply(filter.Apply(db.ComplaintMeasures).Where(m => m.Channel == Channel.Regulator12398),
                m => new { m.ReclassifiedAs, m.Category, m.Department }).ToListAsync(ct))
            .Select(g => new RegulatorCounts(new(g.Stage, g.Key.ReclassifiedAs, g.Key.Category, g.Key.Department),
                tally.Count(KpiFact.Received, g), tally.Count(KpiFact.Handled, g), tally.Count(KpiFact.HandledInTime, g),
                tally.Count(KpiFact.RepliedInWriting, g), tally.Count(KpiFact.Rated, g), tally.Count(KpiFact.Satisfied, g)));
        var placed = groups.Select(g => (Row: g, Category: RegulatorCategories.Of(g.Key.Stage, g.Key.ReclassifiedAs))).Where(x => x.Category is not null).ToList();

        RegulatorRow Row(string label, IEnumerable<RegulatorCounts> rows, ReportFilter f)
        {
            var list = rows.ToList();
            return new(label, list.Sum(r => r.Received), list.Sum(r => r.Handled), list.Sum(r => r.HandledInTime),
                list.Sum(r => r.RepliedInWriting), list.Sum(r => r.Rated), list.Sum(r => r.Satisfied), f);
        }
        var byCategory = Enum.GetValues<RegulatorCategory>()
            .Select(c => Row(Labels.Of(c), placed.Where(x => x.Category == c).Select(x => x.Row), filter with { Regulator = c })).ToList();
        var complaints = placed.Where(x => x.Category == RegulatorCategory.Complaint).Select(x => x.Row).ToList();
        var complaint = filter with { Regulator = RegulatorCategory.Complaint };
        var byIssue = Enum.GetValues<Category>().Select(c => Row(Labels.Of(c), complaints.Where(r => r.Key.Category == c), complaint with { Category = c })).ToList();
        var departments = scope is null ? await DepartmentNamesAsync(db, ct) : [scope];
        departments.AddRange(complaints.Select(r => r.Key.Department).Where(d => !departments.Contains(d)).Distinct().Order(StringComparer.Ordinal));
        var byDepartment = departments.Select(d => Row(d, complaints.Where(r => r.Key.Department == d), complaint with { Department = d })).ToList();
        // The total's list is every 12398 item counted somewhere (merged ones are counted in the complaint they joined).
        var total = Row("合计", placed.Select(x => x.Row), filter with { AllRegulatorItems = true });
        return new(new RegulatorStatistics(period, now, byCategory, total, byIssue, byDepartment), null);
    }

    /// <summary>A 12398 group's counts.</summary>
    private sealed record RegulatorCounts(RegulatorKey Key, long Received, long Handled, long HandledInTime, long RepliedInWriting, long Rated, long Satisfied);
}

/// <summary>How the 12398 statistics group their items (named, so the rows can be passed around).</summary>
public sealed record RegulatorKey(Stage Stage, ReclassifiedAs? ReclassifiedAs, Category Category, string Department);
