using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Domain.Wording;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Wording;

/// <summary>A dictionary entry as the admin page lists it, with how often it was written in the last 90 days.</summary>
public sealed record PhraseRow(WordingPhraseRecord Record, int RecentHits);

public sealed partial class WordingService
{
    public const string SaveAction = "编辑服务忌语";

    /// <summary>Every entry, enabled first, with its recent hits; admins only.</summary>
    public async Task<IReadOnlyList<PhraseRow>> ListAsync(Shared.StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Is(StaffRole.Admin)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().AddDays(-90);
        var hits = await db.WordingHits.Where(h => h.At >= since).GroupBy(h => h.Phrase).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var records = await db.WordingPhrases.AsNoTracking().ToListAsync(ct);
        return [.. records.OrderByDescending(r => r.Enabled).ThenBy(r => r.Id).Select(r => new PhraseRow(r, hits.GetValueOrDefault(r.Phrase)))];
    }

    /// <summary>Adds or changes an entry; refused at its field when invalid, a duplicate (as compared), or changed by another admin meanwhile.</summary>
    public async Task<StepResult> SaveAsync(PhraseForm form, Shared.StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Is(StaffRole.Admin)) return StepResult.Refused("只有系统管理员可以编辑服务忌语词库");
        var errors = FieldRule<PhraseForm>.Check(form, PhraseForm.Rules);
        if (errors.Count > 0) return StepResult.Refused(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await Shared.StaffChecks.SessionEndedAsync(db, admin, ct) is { } ended) return ended;
        var phrase = form.Phrase.Trim();
        var compared = WordingCheck.Normalise(phrase).Text;
        var others = await db.WordingPhrases.AsNoTracking().Where(p => p.Id != form.Id).Select(p => p.Phrase).ToListAsync(ct);
        if (others.FirstOrDefault(o => WordingCheck.Normalise(o).Text == compared) is { } same)
            return StepResult.Refused([new FieldError(nameof(PhraseForm.Phrase), $"词库中已有“{same}”")]);
        var record = form.Id == 0 ? db.WordingPhrases.Add(new WordingPhraseRecord()).Entity : await db.WordingPhrases.SingleOrDefaultAsync(p => p.Id == form.Id, ct);
        if (record is null) return StepResult.Refused("该忌语已不存在，请刷新页面");
        if (form.Id != 0 && record.Revision != form.Revision) return StepResult.Refused($"该忌语已被{record.UpdatedBy}修改，请刷新页面后重新编辑");
        var before = form.Id == 0 ? "新增" : $"“{record.Phrase}”→“{record.Better}”{(record.Blocks ? "，拦截" : "，提示")}{(record.Enabled ? "" : "，已停用")}";
        (record.Phrase, record.Better, record.Situation, record.Blocks, record.Enabled) = (phrase, form.Better.Trim(), form.Situation?.Trim() ?? "", form.Blocks, form.Enabled);
        (record.UpdatedAt, record.UpdatedBy, record.Revision) = (time.GetUtcNow(), admin.Actor.DisplayName, record.Revision + 1);
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, SaveAction, phrase,
            $"{before} ⇒ “{record.Phrase}”→“{record.Better}”{(record.Blocks ? "，拦截" : "，提示")}{(record.Enabled ? "" : "，已停用")}", time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return StepResult.Refused("保存失败：该忌语已被他人修改或新增，请刷新页面后重试");
        }
        Invalidate();
        return StepResult.Success;
    }
}
