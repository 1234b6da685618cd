using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Cases;

/// <summary>
/// The pages' one door to training cases. A case is made on the server from a closed complaint
/// through the de-identifier, so a trainer's browser never receives the complaint's own text.
/// Actions run on a freshly loaded case inside the write gate; an action on a version of the case
/// that has since changed is refused as a conflict.
/// </summary>
public sealed partial class CaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    WriteGate gate,
    TimeProvider time,
    Documents.DocumentRenderer renderer,
    ILogger<CaseService> log)
{
    private const string SaveFailed = "保存失败，数据未写入。请稍后重试；如仍失败请联系系统管理员。";
    private const string NotFound = "案例不存在";

    /// <summary>Everyone on staff reads the library; trainers write; managers review.</summary>
    public static bool MayReadLibrary(StaffUser user) => user.Roles.Any(r => r is not StaffRole.System);

    /// <summary>Working copies: trainers, and managers (who review).</summary>
    public static bool MayReadWorkingCopies(StaffUser user) => user.Is(StaffRole.Trainer) || user.Is(StaffRole.Manager);

    /// <summary>Closed complaints without a case in progress, newest first, de-identified.</summary>
    public async Task<IReadOnlyList<CaseCandidate>> CandidatesAsync(StaffUser user, Category? category, int take = 50, CancellationToken ct = default)
    {
        if (!user.Is(StaffRole.Trainer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Complaints.AsNoTracking()
            .Where(c => c.Stage == Stage.Closed && c.AnonymisedAt == null && !db.TrainingCases.Any(t => t.SourceComplaintId == c.Id));
        if (category is { } only) query = query.Where(c => c.Category == only);
        var complaints = await query.OrderByDescending(c => c.ClosedAt).Take(take).ToListAsync(ct);
        var staff = await StaffDirectoryAsync(db, ct);
        return complaints.Select(c => new CaseCandidate(c.Id, c.Number, c.Category, c.SubCategory, c.Channel, c.ClosedAt!.Value.ChinaDate(),
            CaseDrafts.Excerpt(c, staff))).ToList();
    }

    /// <summary>Starts a case from a closed complaint: the draft is the de-identified record.</summary>
    public Task<CaseOutcomeResult> StartAsync(int complaintId, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new CaseOutcomeResult(ended);
            if (await db.TrainingCases.Where(t => t.SourceComplaintId == complaintId).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct) is { } existing)
                return new CaseOutcomeResult(StepResult.Refused($"该投诉已编写为案例 #{existing}"), CaseId: existing);
            var complaint = await db.Complaints.AsNoTracking().Include(c => c.Timeline).SingleOrDefaultAsync(c => c.Id == complaintId, ct);
            if (complaint is null) return new CaseOutcomeResult(StepResult.Refused("投诉不存在"));
            var staff = await StaffDirectoryAsync(db, ct);
            var now = time.GetUtcNow();
            var draft = CaseDraft.From(complaint, staff);
            var created = TrainingCase.Create(complaint, draft.Content, user.Actor, user.Roles, now, complaint.ReceivedAt.ChinaDate().Year, draft.Replaced);
            if (!created.Succeeded) return new CaseOutcomeResult(created.Outcome);
            db.TrainingCases.Add(created.Value!);
            if (await SaveAsync(db, ct) is { } failed) return new CaseOutcomeResult(failed);
            log.LogInformation("Case {Id} started from complaint {Number} by {User}", created.Value!.Id, complaint.Number, user.Actor.UserId);
            return new CaseOutcomeResult(StepResult.Success, CaseId: created.Value!.Id);
        }, ct);

    /// <summary>A case as this person may open it, or the reason they may not.</summary>
    public async Task<(CaseView? View, string? Refusal)> GetAsync(int id, StaffUser user, int? version = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.TrainingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !MayReadLibrary(user)) return (null, NotFound);
        var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
        var workingCopy = MayReadWorkingCopies(user) && version is null;
        if (version is { } asked)
        {
            if (found.Versions.FirstOrDefault(v => v.Number == asked) is not { } old || !(found.Listed || MayReadWorkingCopies(user))) return (null, NotFound);
            return (new CaseView(found, old.Content, old.Number, false, []), null);
        }
        if (workingCopy) return (new CaseView(found, found.Draft, null, true, found.AvailableTriggers(user.Actor, user.Roles, workplace)), null);
        if (!found.Listed || found.Published is not { } published) return (null, "该案例尚未发布或已撤回");
        return (new CaseView(found, published.Content, published.Number, false, []), null);
    }

    /// <summary>The case as a PDF for a training session: what this person may read of it (a version, or the working copy).</summary>
    public async Task<(byte[]? Pdf, string FileName)> PdfAsync(int id, StaffUser user, int? version = null, CancellationToken ct = default)
    {
        var (view, _) = await GetAsync(id, user, version, ct);
        if (view is null) return (null, "");
        var pdf = renderer.Pdf(CaseDocument.Build(view.Case, view.Shown, view.ShownVersion), time.GetUtcNow());
        return (pdf, $"case-{id}" + (view.ShownVersion is { } v ? $"-v{v}" : "-draft") + ".pdf");
    }

    public Task<CaseOutcomeResult> SaveAsync(int id, int seenRevision, CaseContent content, StaffUser user, CancellationToken ct = default) =>
        ActAsync(id, seenRevision, user, (c, _, now) => c.Save(content, user.Actor, user.Roles, now), ct);

    public Task<CaseOutcomeResult> SubmitAsync(int id, int seenRevision, CaseContent content, StaffUser user, CancellationToken ct = default) =>
        ActAsync(id, seenRevision, user, (c, _, now) =>
        {
            var saved = c.Save(content, user.Actor, user.Roles, now);
            return saved.Succeeded ? c.Submit(user.Actor, user.Roles, now) : saved;
        }, ct);

    public Task<CaseOutcomeResult> ApproveAsync(int id, int seenRevision, StaffUser user, CancellationToken ct = default) =>
        ActAsync(id, seenRevision, user, (c, workplace, now) => c.Approve(user.Actor, user.Roles, workplace, now), ct);

    public Task<CaseOutcomeResult> ReturnAsync(int id, int seenRevision, string? reason, StaffUser user, CancellationToken ct = default) =>
        ActAsync(id, seenRevision, user, (c, workplace, now) => c.Return(reason, user.Actor, user.Roles, workplace, now), ct);

    public Task<CaseOutcomeResult> ReviseAsync(int id, int seenRevision, StaffUser user, CancellationToken ct = default) =>
        ActAsync(id, seenRevision, user, (c, _, now) => c.Revise(user.Actor, user.Roles, now), ct);

    public Task<CaseOutcomeResult> WithdrawAsync(int id, int seenRevision, string? reason, StaffUser user, CancellationToken ct = default) =>
        ActAsync(id, seenRevision, user, (c, workplace, now) => c.Withdraw(reason, user.Actor, user.Roles, workplace, now), ct);

    /// <summary>The cases a trainer holds the working copy of, and those they started.</summary>
    public async Task<IReadOnlyList<CaseSummary>> MineAsync(StaffUser user, CancellationToken ct = default)
    {
        if (!user.Is(StaffRole.Trainer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = user.Actor.UserId;
        var cases = await db.TrainingCases.AsNoTracking().Where(c => c.Editor.UserId == id || c.Author.UserId == id)
            .OrderByDescending(c => c.UpdatedAt).Take(200).ToListAsync(ct);
        return cases.Select(Summary).ToList();
    }

    /// <summary>Cases waiting for this manager's review: their department's, or every one for company level.</summary>
    public async Task<IReadOnlyList<CaseSummary>> ReviewQueueAsync(StaffUser user, CancellationToken ct = default)
    {
        if (!user.Is(StaffRole.Manager)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
        var query = db.TrainingCases.AsNoTracking().Where(c => c.Status == CaseStatus.InReview);
        if (!workplace.CompanyLevel) query = query.Where(c => c.Department == workplace.Department);
        var cases = await query.OrderBy(c => c.UpdatedAt).Take(200).ToListAsync(ct);
        return cases.Select(Summary).ToList();
    }

    /// <summary>How many cases wait for this manager: the badge on the menu.</summary>
    public async Task<int> ReviewCountAsync(StaffUser user, CancellationToken ct = default) =>
        (await ReviewQueueAsync(user, ct)).Count;

    public static CaseSummary Summary(TrainingCase c)
    {
        var published = c.Published;
        var content = c.Listed && published is not null ? published.Content : c.Draft;
        return new(c.Id, content.Title, c.Category, c.SubCategory, c.Channel, c.Outcome, c.Year, c.Status, published?.Number,
            c.Editor.DisplayName, c.UpdatedAt, content.Tags);
    }

    private Task<CaseOutcomeResult> ActAsync(int id, int seenRevision, StaffUser user, Func<TrainingCase, Workplace, DateTimeOffset, StepResult> act, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new CaseOutcomeResult(ended);
            var found = await db.TrainingCases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (found is null) return new CaseOutcomeResult(StepResult.Refused(NotFound));
            if (found.Revision != seenRevision) return Conflict(found);
            var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
            var result = act(found, workplace, time.GetUtcNow());
            if (!result.Succeeded) return new CaseOutcomeResult(result, CaseId: id);
            try
            {
                await db.SaveChangesAsync(ct);
                return new CaseOutcomeResult(result, CaseId: id);
            }
            catch (DbUpdateConcurrencyException)
            {
                await using var fresh = await dbFactory.CreateDbContextAsync(ct);
                return await fresh.TrainingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } current
                    ? Conflict(current)
                    : new CaseOutcomeResult(StepResult.Refused(NotFound));
            }
            catch (DbUpdateException ex)
            {
                log.LogError(ex, "Saving case {Id} failed", id);
                return new CaseOutcomeResult(StepResult.Refused(SaveFailed));
            }
        }, ct);

    /// <summary>Who changed the case, when, and that the person's input is kept.</summary>
    private static CaseOutcomeResult Conflict(TrainingCase current)
    {
        var last = current.History[^1];
        return new CaseOutcomeResult(StepResult.Refused(
            $"该案例已被{last.By.DisplayName}于 {ChinaTime.Format(last.At)} 修改（{Labels.Of(last.What)}，当前状态：{Labels.Of(current.Status)}），"
            + "您的操作未保存。您填写的内容仍保留，请核对后重新提交。"), Conflict: true, CaseId: current.Id);
    }

    /// <summary>Every member of staff by display name with the role they are named by in a case.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> StaffDirectoryAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          select new { u.DisplayName, Role = r.Name }).ToListAsync(ct);
        return rows.Where(r => r.DisplayName.Length >= 2).GroupBy(r => r.DisplayName)
            .ToDictionary(g => g.Key, g => CaseDrafts.RoleWord(g.Select(r => r.Role)));
    }

    private async Task<StepResult?> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex)
        {
            log.LogError(ex, "Saving a case failed");
            return StepResult.Refused(SaveFailed);
        }
    }
}
