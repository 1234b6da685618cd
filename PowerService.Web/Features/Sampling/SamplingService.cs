using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Domain.Sampling;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sampling;

/// <summary>
/// The pages' and the job's one door to revisit sampling (docs/domain.md §11): drawing a period's samples
/// (idempotent: the batch's unique key and the deterministic draw), the queues per level, recording a result
/// once (the item's revision is its concurrency token), and the follow-up list. Role and department are
/// checked here, on the server, against the account as stored now.
/// </summary>
public sealed partial class SamplingService(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time, ILogger<SamplingService> log)
{
    private const string SaveFailed = "保存失败，数据未写入。请稍后重试。";

    /// <summary>Rows a queue lists at most.</summary>
    public const int QueueLimit = 300;

    /// <summary>The product itself, drawing when a period ends.</summary>
    public static StaffUser System { get; } = new(StaffRoles.SystemActor, [StaffRole.System], "") { CompanyLevel = true };

    /// <summary>A level's sampled revisits this person may see: those still to do first, then the newest periods.</summary>
    public async Task<IReadOnlyList<SampleRow>> QueueAsync(StaffUser user, SamplingLevel level, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
        if (!SamplingPermissions.LevelsFor(user.Roles).Contains(level)) return [];
        var items = Visible(db.SampledRevisits.AsNoTracking().Where(i => i.Level == level), user, workplace)
            .OrderBy(i => i.RecordedAt != null).ThenByDescending(i => i.Period).ThenBy(i => i.Department).ThenBy(i => i.ComplaintNumber);
        return await RowsAsync(db, items.Take(QueueLimit), ct);
    }

    /// <summary>Problems found by sampling, open ones first (overdue first among them), then those confirmed fixed.</summary>
    public async Task<IReadOnlyList<SampleRow>> FollowUpsAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
        var levels = SamplingPermissions.LevelsFor(user.Roles).ToList();
        var items = Visible(db.SampledRevisits.AsNoTracking().Where(i => i.FollowUpState != FollowUpState.None && levels.Contains(i.Level)), user, workplace)
            .OrderBy(i => i.FollowUpState).ThenByDescending(i => i.RecordedAt);
        var rows = await RowsAsync(db, items.Take(QueueLimit), ct);
        return [.. rows.OrderBy(r => r.Item.FollowUpState).ThenBy(r => r.Item.FollowUp!.DueDate)];
    }

    /// <summary>A level's batches this person may see, newest first.</summary>
    public async Task<IReadOnlyList<BatchRow>> BatchesAsync(StaffUser user, SamplingLevel level, int take = 12, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
        if (!SamplingPermissions.LevelsFor(user.Roles).Contains(level)) return [];
        var batches = db.SampleBatches.AsNoTracking().Where(b => b.Level == level);
        if (!SeesAll(user, workplace)) batches = batches.Where(b => b.Department == workplace.Department || b.Department == "");
        return await Summaries(db, batches.OrderByDescending(b => b.Period).ThenBy(b => b.Department).Take(take), ct);
    }

    /// <summary>The departments this person may draw or read samples for (all for company-level managers and admins).</summary>
    public async Task<IReadOnlyList<string>> DepartmentsAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
        return SeesAll(user, workplace)
            ? await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync(ct)
            : [workplace.Department];
    }

    private static bool SeesAll(StaffUser user, Workplace workplace) => workplace.CompanyLevel || user.Is(StaffRole.Admin) || user.Is(StaffRole.System);

    /// <summary>What this person may see of a level's items: everything for company-level managers and admins, their department's otherwise.</summary>
    private static IQueryable<SampledRevisit> Visible(IQueryable<SampledRevisit> items, StaffUser user, Workplace workplace) =>
        SeesAll(user, workplace) ? items : items.Where(i => i.Department == workplace.Department);

    private static async Task<IReadOnlyList<SampleRow>> RowsAsync(AppDbContext db, IQueryable<SampledRevisit> items, CancellationToken ct)
    {
        var rows = await (from i in items
                          join c in db.Complaints on i.ComplaintId equals c.Id
                          select new { Item = i, c.Category, c.SubCategory, c.Owner.DisplayName, c.ClosedAt, c.Customer }).ToListAsync(ct);
        var periods = await db.SampleBatches.AsNoTracking().Where(b => rows.Select(r => r.Item.BatchId).Distinct().Contains(b.Id))
            .Select(b => new { b.Id, b.Level, b.PeriodFirst, b.PeriodLast }).ToDictionaryAsync(b => b.Id, ct);
        return [.. rows.Select(r =>
        {
            var p = periods[r.Item.BatchId];
            return new SampleRow(r.Item, new SamplingPeriod(p.Level, p.PeriodFirst, p.PeriodLast), r.Category, r.SubCategory, r.DisplayName, r.ClosedAt,
                PrivacyPolicy.MaskedCustomer(r.Customer));
        })];
    }

    private static async Task<IReadOnlyList<BatchRow>> Summaries(AppDbContext db, IQueryable<SampleBatch> batches, CancellationToken ct) =>
        [.. (await batches.Select(b => new
            {
                b.Id, b.Level, b.PeriodFirst, b.PeriodLast, b.Department, b.Population, b.KeyCases, b.DrawnAt, b.DrawnBy.DisplayName,
                Sampled = db.SampledRevisits.Count(i => i.BatchId == b.Id),
                Recorded = db.SampledRevisits.Count(i => i.BatchId == b.Id && i.RecordedAt != null),
            }).ToListAsync(ct))
            .Select(b => new BatchRow(b.Id, new SamplingPeriod(b.Level, b.PeriodFirst, b.PeriodLast), b.Department, b.Population, b.Sampled, b.KeyCases, b.Recorded, b.DrawnAt, b.DisplayName))];

    private async Task<StepResult> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return StepResult.Success;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            log.LogError(ex, "Saving a sampled revisit failed");
            return StepResult.Refused(SaveFailed);
        }
    }

    private DateOnly Today => time.GetUtcNow().ChinaDate();
}
