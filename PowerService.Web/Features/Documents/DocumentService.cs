using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Privacy;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Documents;

/// <summary>A download: the file, or the integrity finding that stopped it, or why it was not handed out (the access could not be logged).</summary>
public sealed record DocumentDownload(IssuedDocumentFile? File, Integrity.IntegrityFinding? Tampered, string? NotRecorded);

/// <summary>An issued version as listed on the documents page.</summary>
public sealed record IssuedVersion(long FileId, int Version, string Sha256, DateTimeOffset At, string By, int Size, string? Reason = null);

/// <summary>What the documents page shows for one kind of document; <see cref="Unchanged"/> says why a reissue is pointless now.</summary>
/// <param name="Revision">The complaint's revision the preview was drawn from: issuing from this view issues that content or meets the conflict message.</param>
/// <param name="NotShown">Why the preview is withheld: its access could not be logged.</param>
/// <param name="Wording">Forbidden service phrases in the document as it reads now, with their better wordings.</param>
public sealed record DocumentView(DocumentKind Kind, IReadOnlyList<MissingItem> Missing, IReadOnlyList<string> PreviewPages, IReadOnlyList<IssuedVersion> Issued, string? FontProblem,
    string? Unchanged = null, int Revision = 0, string? NotShown = null)
{
    public IReadOnlyList<PowerService.Domain.Wording.WordingHit> Wording { get; init; } = [];
}

/// <summary>
/// Preview, issue and download of a complaint's documents. Issuing renders the PDF once, stores those
/// exact bytes, and records the version with its SHA-256 on the timeline in the same save; a download
/// returns the stored bytes unchanged.
/// </summary>
public sealed class DocumentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ComplaintService complaints,
    DocumentRenderer renderer,
    Integrity.IntegrityService integrity,
    Privacy.PiiAccessLog accessLog,
    IOptions<DocumentOptions> options,
    Wording.WordingService wording,
    TimeProvider time)
{
    public DocumentSettings Settings => new(options.Value.IssuingUnit, options.Value.RegulatorOffice);

    /// <summary>A document's page for <paramref name="user"/>: the preview carries the customer's full details, so it is drawn only once its viewing is on the access log.</summary>
    public async Task<DocumentView?> ViewAsync(string number, DocumentKind kind, StaffUser user, CancellationToken ct = default)
    {
        var complaint = (await complaints.FindAsync(number, user, ct)).Complaint;
        if (complaint is null || !ComplaintDocuments.AppliesTo(kind, complaint)) return null; // the page offers only what applies
        if (!PrivacyPolicy.For(user.Roles).MayReveal) return null; // the page's own rule already keeps masked roles out
        var missing = ComplaintDocuments.Missing(kind, complaint);
        var previewable = renderer.Problem is null && missing.Count == 0;
        var logged = !previewable || await accessLog.RecordAsync(user, PiiAccessKind.DocumentPreview, complaint.Number, $"预览《{ComplaintDocuments.TitleOf(kind)}》", ct);
        var spec = missing.Count == 0 ? ComplaintDocuments.Compose(kind, complaint, Settings, time.GetUtcNow()) : null;
        var preview = previewable && logged
            ? renderer.Png(spec!).Select(p => "data:image/png;base64," + Convert.ToBase64String(p)).ToList()
            : [];
        var hits = spec is null ? [] : await wording.CheckAsync(DocumentText.Of(spec), ct);
        var reasons = complaint.IssuedDocuments.Where(d => d.Kind == kind).ToDictionary(d => d.Version, d => d.Reason);
        var issued = (await IssuedAsync(complaint.Id, kind, ct)).Select(v => v with { Reason = reasons.GetValueOrDefault(v.Version) }).ToList();
        var last = complaint.IssuedDocuments.LastOrDefault(d => d.Kind == kind);
        var unchanged = last?.ContentSha256 is { } content && content == ComplaintDocuments.ContentSha256(kind, complaint, Settings)
            ? $"内容与第 {last.Version} 版相同，无需重新签发" : null; // the domain refuses it too
        return new DocumentView(kind, missing, preview, issued, renderer.Problem, unchanged, complaint.Revision, logged ? null : Privacy.PiiAccessLog.NotRecorded) { Wording = hits };
    }

    /// <summary>
    /// Issues the document as it reads now. A reissue (version 2 on) needs <paramref name="reason"/>, which is
    /// printed under the title; content identical to the last issued version is refused as a duplicate.
    /// </summary>
    public async Task<ActionOutcome> IssueAsync(string number, int seenRevision, DocumentKind kind, StaffUser user, string? reason = null, CancellationToken ct = default,
        string? wordingOverride = null)
    {
        if (renderer.Problem is { } problem) return ActionOutcome.Refused(problem);
        byte[] pdf = [];
        var phrases = await wording.PhrasesAsync(ct);
        return await complaints.ActAsync(number, seenRevision, user, null,
            (complaint, context) =>
            {
                if (ComplaintDocuments.NotApplicable(kind, complaint) is { } notApplicable)
                    return StepResult.Refused(notApplicable);
                if (ComplaintDocuments.Missing(kind, complaint) is { Count: > 0 } missing)
                    return StepResult.Refused("文书内容不完整：" + string.Join("；", missing.Select(m => m.What)));
                var spec = ComplaintDocuments.Compose(kind, complaint, Settings, context.At, complaint.NextDocumentVersion(kind), reason);
                var forbidden = PowerService.Domain.Wording.WordingCheck.Blocking(PowerService.Domain.Wording.WordingCheck.Find(DocumentText.Of(spec), phrases));
                pdf = renderer.Pdf(spec, context.At);
                return complaint.IssueDocument(new DocumentIssueRequest(kind, DocumentRenderer.Sha256(pdf), ComplaintDocuments.ContentSha256(kind, complaint, Settings), reason,
                    forbidden, wordingOverride), context);
            },
            (db, complaint) =>
            {
                var issue = complaint.IssuedDocuments[^1];
                db.IssuedDocumentFiles.Add(new IssuedDocumentFile
                {
                    ComplaintId = complaint.Id, Number = complaint.Number, Kind = kind, Version = issue.Version,
                    Sha256 = issue.Sha256, Content = pdf, IssuedAt = issue.At, IssuedBy = issue.By.DisplayName,
                });
            }, ct);
    }

    /// <summary>
    /// An issued document as it may be downloaded: its bytes still those issued (checked against the
    /// recorded SHA-256 every time; a mismatch is the finding, and no bytes), of a kind that applies
    /// to its complaint. Neither file nor finding: no such document.
    /// </summary>
    public async Task<(IssuedDocumentFile? File, Integrity.IntegrityFinding? Tampered)> FileAsync(long id, StaffUser user, CancellationToken ct = default)
    {
        var (file, complaint, tampered) = await integrity.VerifiedFileAsync(id, ct);
        if (file is null) return (null, tampered);
        // A document of a complaint outside the person's scope is, to them, no document.
        return ComplaintDocuments.AppliesTo(file.Kind, complaint!) && user.MayView(complaint!) ? (file, null) : (null, null);
    }

    /// <summary>
    /// A download by <paramref name="user"/>: a masked role gets no bytes at all (whatever the endpoint's
    /// own rule), and the bytes are handed out only once the download is on the access log.
    /// </summary>
    public async Task<DocumentDownload> DownloadAsync(long id, StaffUser user, CancellationToken ct = default)
    {
        if (!PrivacyPolicy.For(user.Roles).MayReveal) return new(null, null, null);
        var (file, tampered) = await FileAsync(id, user, ct);
        if (file is null) return new(null, tampered, null);
        return await accessLog.RecordAsync(user, PiiAccessKind.DocumentDownload, file.Number, $"下载《{ComplaintDocuments.TitleOf(file.Kind)}》第 {file.Version} 版", ct)
            ? new(file, null, null)
            : new(null, null, Privacy.PiiAccessLog.NotRecorded);
    }

    private async Task<IReadOnlyList<IssuedVersion>> IssuedAsync(int complaintId, DocumentKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IssuedDocumentFiles.AsNoTracking()
            .Where(f => f.ComplaintId == complaintId && f.Kind == kind)
            .OrderByDescending(f => f.Version)
            .Select(f => new IssuedVersion(f.Id, f.Version, f.Sha256, f.IssuedAt, f.IssuedBy, f.Content.Length))
            .ToListAsync(ct);
    }
}
