using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sampling;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sampling;

public sealed partial class SamplingService
{
    /// <summary>
    /// Records a sampled revisit's result. <paramref name="seenRevision"/> is the item as the form showed it:
    /// someone who recorded it meanwhile — on this instance (the gate), or another (the revision is the
    /// concurrency token) — is named in the refusal, and their result stands.
    /// </summary>
    public Task<StepResult> RecordAsync(StaffUser user, long itemId, int seenRevision, SampleResultInput input, CancellationToken ct = default) =>
        ChangeAsync(user, itemId, seenRevision, (item, workplace, now) => item.Record(input, user.Actor, user.Roles, workplace, now), ct);

    /// <summary>Confirms a problem found by sampling was fixed (the next round's check), with what was found.</summary>
    public Task<StepResult> ConfirmFixedAsync(StaffUser user, long itemId, int seenRevision, string? note, CancellationToken ct = default) =>
        ChangeAsync(user, itemId, seenRevision, (item, workplace, now) => item.ConfirmFixed(note, user.Actor, user.Roles, workplace, now), ct);

    private Task<StepResult> ChangeAsync(StaffUser user, long itemId, int seenRevision, Func<SampledRevisit, Domain.Staff.Workplace, DateTimeOffset, StepResult> change, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return ended;
            var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
            var item = await db.SampledRevisits.SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (item is null) return StepResult.Refused("该抽查记录不存在");
            if (item.Revision != seenRevision) return Changed(item);
            var result = change(item, workplace, time.GetUtcNow());
            if (!result.Succeeded) return result;
            try
            {
                return await SaveAsync(db, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                await using var fresh = await dbFactory.CreateDbContextAsync(ct);
                return Changed(await fresh.SampledRevisits.AsNoTracking().SingleAsync(i => i.Id == itemId, ct));
            }
        }, ct);

    /// <summary>Someone changed the item since this person's form was shown: whose result stands, or ask to refresh.</summary>
    private static StepResult Changed(SampledRevisit now) =>
        now.FollowUp is { IsFixed: true } followUp ? StepResult.Refused($"该问题已由{followUp.FixedBy!.DisplayName}于 {Domain.Time.ChinaTime.Format(followUp.FixedAt!.Value)} 确认整改完成")
        : now.Result is { } done ? StepResult.Refused(SampledRevisit.AlreadyRecorded(done))
        : StepResult.Refused("该抽查记录已被他人修改，请刷新后重试");
}
