using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Integrity;

/// <summary>Something in the stored record that does not prove itself.</summary>
public sealed record IntegrityFinding(string Number, string What);

/// <summary>
/// Checks that the record proves itself: each complaint's sealed timeline, and each issued
/// document's bytes against the SHA-256 recorded when it was issued (in the document's row and,
/// sealed, on the complaint's timeline). Findings are logged as errors for the operators; the
/// admins' verification page lists them.
/// </summary>
public sealed class IntegrityService(IDbContextFactory<AppDbContext> dbFactory, IntegrityAlarm alarm, ILogger<IntegrityService> log)
{
    private const int Batch = 500;

    /// <summary>The whole database, in batches; returns every finding.</summary>
    public async Task<IReadOnlyList<IntegrityFinding>> VerifyAllAsync(CancellationToken ct = default)
    {
        var findings = new List<IntegrityFinding>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lastId = 0;
        while (true)
        {
            var complaints = await db.Complaints.AsNoTracking().Include(c => c.Timeline)
                .Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (complaints.Count == 0) break;
            lastId = complaints[^1].Id;
            foreach (var finding in complaints.Select(TimelineFinding).OfType<IntegrityFinding>())
            {
                findings.Add(finding);
                await alarm.ReportAsync(finding, ct);
            }
        }
        var files = await db.IssuedDocumentFiles.AsNoTracking().Select(f => f.Id).ToListAsync(ct);
        foreach (var id in files)
            if ((await VerifiedFileAsync(id, ct)).Finding is { } finding) findings.Add(finding); // reported there
        return findings;
    }

    /// <summary>A complaint's timeline finding, or null when its seals hold.</summary>
    public static IntegrityFinding? TimelineFinding(Complaint complaint) =>
        complaint.FirstTamperedEvent is { } sequence
            ? new IntegrityFinding(complaint.Number, $"处理记录第 {sequence} 条起与签章不符（记录被改动、删除或插入）")
            : null;

    /// <summary>
    /// An issued document whose bytes still match what was issued — or were destroyed by retention, as its
    /// complaint's record says (<see cref="IssuedDocumentFile.AnonymisedAt"/>) — with its complaint; otherwise no file and the finding.
    /// </summary>
    public async Task<(IssuedDocumentFile? File, Complaint? Complaint, IntegrityFinding? Finding)> VerifiedFileAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.IssuedDocumentFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return (null, null, null);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == file.ComplaintId, ct);
        var recorded = complaint.IssuedDocuments.SingleOrDefault(d => d.Kind == file.Kind && d.Version == file.Version)?.Sha256;
        bool SealedOnTimeline(string sha256) => complaint.FirstTamperedEvent is null
            && complaint.Timeline.Any(e => e.Trigger == LoopTrigger.IssueDocument && e.Summary.Contains(sha256, StringComparison.Ordinal));
        if (file.AnonymisedAt is not null)
        {
            // Retention destroyed the bytes: the record must say so, and still name the hash issued.
            if (file.Content.Length == 0 && complaint.IsAnonymised && recorded == file.Sha256 && SealedOnTimeline(file.Sha256)) return (file, complaint, null);
            var destroyed = new IntegrityFinding(complaint.Number, $"文书 {file.Kind} 第 {file.Version} 版标记为按保留期限销毁，但投诉记录与之不符");
            await alarm.ReportAsync(destroyed, ct);
            return (null, complaint, destroyed);
        }
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content));
        if (actual == file.Sha256 && actual == recorded && SealedOnTimeline(actual)) return (file, complaint, null);

        var finding = new IntegrityFinding(complaint.Number, $"文书 {file.Kind} 第 {file.Version} 版的内容与签发时记录的 SHA-256 不符");
        log.LogInformation("Integrity check: {Number}: {What} (stored {Stored}, now {Actual})", finding.Number, finding.What, file.Sha256, actual);
        await alarm.ReportAsync(finding, ct);
        return (null, complaint, finding);
    }
}
