using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sampling;

public sealed partial class SamplingService
{
    /// <summary>
    /// Draws every sample due at this moment: each level's latest ended period, for each department (the
    /// team and department levels) or the company (the third party), unless drawn already. Returns the
    /// batches drawn now; zero when everything was drawn before (a restart, another instance).
    /// </summary>
    public async Task<int> DrawDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var drawn = 0;
        foreach (var level in Enum.GetValues<SamplingLevel>())
        {
            var period = SamplingPeriod.LastEnded(level, now);
            foreach (var unit in await UnitsAsync(period, ct))
            {
                var outcome = await DrawAsync(System, period, unit, ct);
                if (outcome is { Succeeded: true, AlreadyDrawn: false, Batch: { } batch })
                {
                    drawn++;
                    log.LogInformation("Drew the {Level} revisit sample of {Period} for {Unit}: {Sampled} of {Population} closed complaints",
                        level, period.Slug, unit.Length == 0 ? "the company" : unit, batch.Sampled, batch.Population);
                }
            }
        }
        return drawn;
    }

    /// <summary>The units a level's period is drawn for: every department (and any a closed complaint names), or the company.</summary>
    private async Task<IReadOnlyList<string>> UnitsAsync(SamplingPeriod period, CancellationToken ct)
    {
        if (period.Level == SamplingLevel.ThirdPartyQuarterly) return [""];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = (period.From, period.To);
        var named = await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync(ct);
        var closedIn = await db.Complaints.Where(c => c.Stage == Stage.Closed && c.ClosedAt >= from && c.ClosedAt < to).Select(c => c.Department).Distinct().ToListAsync(ct);
        return [.. named, .. closedIn.Except(named).Order(StringComparer.Ordinal)];
    }

    /// <summary>A manager draws a level's sample for a period (its slug) and a department ("" or null: the company, for the third party).</summary>
    public Task<DrawOutcome> DrawAsync(StaffUser user, SamplingLevel level, string? periodSlug, string? department, CancellationToken ct = default)
    {
        if (SamplingPeriod.Parse(level, periodSlug) is not { } period) return Task.FromResult(new DrawOutcome(null, false, "请选择抽样期间"));
        var unit = level == SamplingLevel.ThirdPartyQuarterly ? "" : department?.Trim() ?? "";
        if (level != SamplingLevel.ThirdPartyQuarterly && unit.Length == 0) return Task.FromResult(new DrawOutcome(null, false, "请选择部门"));
        return DrawAsync(user, period, unit, ct);
    }

    /// <summary>
    /// Draws one batch, once. A batch drawn before (by the job, another instance, another manager) is returned
    /// as it is: drawing again would give the same complaints, so there is nothing to redo.
    /// </summary>
    private Task<DrawOutcome> DrawAsync(StaffUser user, SamplingPeriod period, string unit, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new DrawOutcome(null, false, ended.Reasons.First());
            var workplace = user.Is(StaffRole.System) ? null : await StaffChecks.WorkplaceAsync(db, user, ct);
            if (SamplingPermissions.DrawRefusal(period.Level, unit, user.Roles, workplace) is { } refusal) return new DrawOutcome(null, false, refusal);
            if (await ExistingAsync(db, period, unit, ct) is { } existing) return new DrawOutcome(existing, true, null);
            var drawn = SampleBatch.Draw(period, unit, await PopulationAsync(db, period, unit, ct), user.Actor, user.Roles, workplace, time.GetUtcNow());
            if (!drawn.Succeeded) return new DrawOutcome(null, false, drawn.Outcome.Reasons.First());
            db.SampleBatches.Add(drawn.Value!);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested)
            {
                // Another instance drew the same batch at the same moment: the unique key kept one, and it is the same sample.
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                return await ExistingAsync(again, period, unit, ct) is { } theirs ? new DrawOutcome(theirs, true, null) : new DrawOutcome(null, false, SaveFailed);
            }
            return new DrawOutcome(await ExistingAsync(db, period, unit, ct), false, null);
        }, ct);

    private static async Task<BatchRow?> ExistingAsync(AppDbContext db, SamplingPeriod period, string unit, CancellationToken ct) =>
        (await Summaries(db, db.SampleBatches.AsNoTracking().Where(b => b.Level == period.Level && b.Period == period.Slug && b.Department == unit), ct)).SingleOrDefault();

    /// <summary>The complaints closed in the period (China dates) in the unit: what its sample is drawn from.</summary>
    public static async Task<List<SamplingCandidate>> PopulationAsync(AppDbContext db, SamplingPeriod period, string unit, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var closed = db.Complaints.AsNoTracking().Where(c => c.Stage == Stage.Closed && c.ClosedAt >= from && c.ClosedAt < to);
        if (unit.Length > 0) closed = closed.Where(c => c.Department == unit);
        var rows = await closed.Select(c => new { c.Id, c.Number, c.Department, c.Channel, c.ReopenCount, c.Escalation }).ToListAsync(ct);
        return [.. rows.Select(c => new SamplingCandidate(c.Id, c.Number, c.Department, c.Channel, c.ReopenCount, c.Escalation > Complaint.StartingLevel(c.Channel)))];
    }
}
