using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Evidence;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Data.Configurations;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Evidence;

/// <summary>An attachment's bytes as handed out: verified against its SHA-256, with the name and type to send them under.</summary>
public sealed record EvidenceFile(byte[] Content, string FileName, string ContentType, string Sha256);

/// <summary>A request for an attachment's bytes: the file, or the status and Chinese message that refuse it.</summary>
public sealed record EvidenceDownload(EvidenceFile? File, int Status, string? Message)
{
    public static EvidenceDownload NotFound { get; } = new(null, StatusCodes.Status404NotFound, "未找到该证据，或您无权查看。");
}

/// <summary>
/// Attaching, removing and reading a complaint's evidence. The file's type, size and hash are judged
/// from its bytes (<see cref="EvidenceCheck"/>); the bytes go to the configured store, the record and
/// its timeline entry through the complaint's own step, in one save. Every read is checked against
/// the SHA-256 recorded at upload, and handed out only to roles that may see customer data, within
/// the complaint's scope, once the access is on the personal-information access log.
/// </summary>
public sealed class EvidenceService(
    IDbContextFactory<AppDbContext> dbFactory,
    ComplaintService complaints,
    EvidenceStores stores,
    Privacy.PiiAccessLog accessLog,
    Integrity.IntegrityAlarm alarm,
    ILogger<EvidenceService> log)
{
    /// <summary>How often an attachment is tried again when the complaint changed under it (attaching does not depend on what the person saw).</summary>
    private const int Attempts = 3;

    public const string Tampered = "该证据文件与上传时记录的 SHA-256 不符，可能已被篡改或损坏，已停止下载并记录。请联系系统管理员。";
    public const string Missing = "该证据文件的原件在存储中缺失，已记录。请联系系统管理员。";

    /// <summary>
    /// Attaches one file. Refusals (type, size, duplicate, who may) come back with their Chinese reason. A change
    /// to the complaint by someone else meanwhile does not refuse it: the file is attached to the complaint as it is now.
    /// </summary>
    public async Task<ActionOutcome> AttachAsync(string number, StaffUser user, string? fileName, byte[] content, CancellationToken ct = default)
    {
        var inspected = EvidenceCheck.Inspect(fileName, content);
        if (!inspected.Succeeded) return new ActionOutcome(inspected.Outcome);
        var upload = inspected.Value!;
        var store = stores.ForNew;
        await store.PrepareAsync(upload.Sha256!, content, ct);
        for (var attempt = 1; ; attempt++)
        {
            if (await RevisionAsync(number, ct) is not { } revision) return ActionOutcome.Refused($"未找到投诉 {number}");
            var outcome = await complaints.ActAsync(number, revision, user, null, (complaint, context) => complaint.AttachEvidence(upload, context),
                (db, complaint) => AddBytes(db, complaint.Evidence[^1], store, content), ct);
            if (!outcome.Conflict || attempt == Attempts) return outcome;
        }
    }

    /// <summary>Removes an attachment (the uploader or a manager, with a reason) if the complaint is still as the person saw it. The bytes stay.</summary>
    public Task<ActionOutcome> RemoveAsync(string number, int seenRevision, StaffUser user, int sequence, string? reason, CancellationToken ct = default) =>
        complaints.ActAsync(number, seenRevision, user, null, (complaint, context) => complaint.RemoveEvidence(new EvidenceRemoval(sequence, reason), context), ct);

    /// <summary>
    /// An attachment's bytes for <paramref name="user"/>: only for roles that may see customer data and only
    /// within the complaint's scope (removed ones only for managers); checked against the recorded SHA-256
    /// (a mismatch or a missing original raises an integrity alert and hands nothing out); logged before any byte leaves.
    /// </summary>
    public async Task<EvidenceDownload> OpenAsync(string number, int sequence, StaffUser user, bool inline, CancellationToken ct = default)
    {
        if (!PrivacyPolicy.For(user.Roles).MayReveal) return EvidenceDownload.NotFound;
        var complaint = (await complaints.FindAsync(number, user, ct)).Complaint;
        var item = complaint?.Evidence.FirstOrDefault(e => e.Sequence == sequence);
        if (item is null || (item.IsRemoved && !user.Is(StaffRole.Manager))) return EvidenceDownload.NotFound;
        if (inline && !item.Format.IsPreviewable) return EvidenceDownload.NotFound;

        var content = await ReadAsync(item, ct);
        var problem = content is null ? Missing : EvidenceHash.Of(content) != item.Sha256 ? Tampered : null;
        if (problem is not null)
        {
            await alarm.ReportAsync(new Integrity.IntegrityFinding(complaint!.Number, $"证据 #{item.Sequence}《{item.FileName}》{(content is null ? "原件缺失" : "与 SHA-256 不符")}"), ct);
            return new(null, StatusCodes.Status409Conflict, problem);
        }
        var what = $"{(inline ? "查看" : "下载")}证据 #{item.Sequence}《{item.FileName}》";
        if (!await accessLog.RecordAsync(user, inline ? PiiAccessKind.EvidenceView : PiiAccessKind.EvidenceDownload, complaint!.Number, what, ct))
            return new(null, StatusCodes.Status503ServiceUnavailable, Privacy.PiiAccessLog.NotRecorded);
        return new(new EvidenceFile(content!, item.FileName, item.ContentType, item.Sha256), StatusCodes.Status200OK, null);
    }

    /// <summary>The bytes as stored, from the store the attachment names (null when they are gone).</summary>
    public async Task<byte[]?> ReadAsync(EvidenceItem item, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var storeName = await db.EvidenceItems.Where(e => e.Id == item.Id).Select(e => EF.Property<string>(e, EvidenceItemConfiguration.Store)).SingleAsync(ct);
        try
        {
            return await stores.For(Enum.Parse<EvidenceStoreKind>(storeName)).ReadAsync(db, item.Id, item.Sha256, ct);
        }
        catch (IOException ex)
        {
            log.LogError(ex, "Reading evidence {Id} ({Sha256}) failed", item.Id, item.Sha256);
            return null;
        }
    }

    private static void AddBytes(AppDbContext db, EvidenceItem item, IEvidenceStore store, byte[] content)
    {
        db.ChangeTracker.DetectChanges(); // the new attachment is tracked once the complaint's collection is scanned
        db.Entry(item).Property(EvidenceItemConfiguration.Store).CurrentValue = store.Kind.ToString();
        store.AddToSave(db, item, content);
    }

    private async Task<int?> RevisionAsync(string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.Where(c => c.Number == number).Select(c => (int?)c.Revision).SingleOrDefaultAsync(ct);
    }
}
