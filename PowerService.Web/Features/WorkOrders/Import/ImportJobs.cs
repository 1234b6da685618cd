using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain.Staff;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>An uploaded file waiting to be mapped, previewed and imported.</summary>
public sealed record ImportUpload(Guid Id, string FileName, long Size, string Sha256, ImportFileKind Kind, int HeaderRow, IReadOnlyList<string> Headers);

/// <summary>A preview being made or made.</summary>
public sealed record AnalysisStatus(int Rows, bool Done, ImportPreview? Preview, string? Error);

/// <summary>An import under way or finished, as its page shows it.</summary>
public sealed record ImportStatus(Guid Id, string FileName, int Total, ImportCounts Counts, bool Done, string? Error);

/// <summary>
/// Uploads, previews and imports of work-order files, in the background: a person may leave the page
/// and the import goes on; its record (<see cref="WorkOrderImportRecord"/>) keeps the counts after each
/// batch. Uploads are streamed to a file (never whole in memory) with their SHA-256; the rejected rows
/// are written to a workbook next to it, downloadable by the importer and by managers and admins.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time,
    IOptions<ImportOptions> options, ILogger<ImportJobs> log)
{
    public const string ImportAction = "导入工单";
    public const string Roles = "IntakeAgent,Manager,Admin";

    /// <summary>Who downloads rejected rows (they hold customers' details in full, which admins never see).</summary>
    public const string DownloadRoles = "IntakeAgent,Manager";

    private sealed record Upload(ImportUpload Info, string Path, string OwnerId);

    private sealed class Analysis
    {
        public volatile int Rows;
        public volatile bool Done;
        public ImportPreview? Preview;
        public string? Error;
    }

    private sealed class Run(Guid id, string fileName, string ownerId, int total, string uploadPath)
    {
        public Guid Id => id;
        public string UploadPath => uploadPath;
        public string FileName => fileName;
        public string OwnerId => ownerId;
        public int Total => total;
        public volatile ImportCounts Counts = ImportCounts.None;
        public volatile bool Done;
        public string? Error;
        public CancellationTokenSource Cancel { get; } = new();
    }

    private readonly ConcurrentDictionary<Guid, Upload> _uploads = new();
    private readonly ConcurrentDictionary<(Guid, string), Analysis> _analyses = new();
    private readonly ConcurrentDictionary<Guid, Run> _runs = new();

    /// <summary>Those who register complaints import them (admins keep the sources' mappings and read the records, but register nothing and see customers masked).</summary>
    public static bool MayImport(StaffUser user) => user.Is(StaffRole.IntakeAgent) || user.Is(StaffRole.Manager);

    /// <summary>Who opens the import page: importers, and admins for the sources' mappings and the records.</summary>
    public static bool MayOpen(StaffUser user) => MayImport(user) || user.Is(StaffRole.Admin);

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>How long uploads and rejected-row files are kept (<see cref="ImportFileSweeper"/>).</summary>
    public TimeSpan KeepFilesFor => options.Value.KeepFilesFor;

    /// <summary>Whether an import's rejected-row workbook is still kept: written as it ended, swept <see cref="KeepFilesFor"/> later.</summary>
    public bool KeepsRejectedFileOf(WorkOrderImportRecord record) => time.GetUtcNow() - (record.FinishedAt ?? record.StartedAt) < KeepFilesFor;

    private string Folder => Directory.CreateDirectory(options.Value.FolderPath).FullName;

    public string RejectedPath(Guid importId) => Path.Combine(Folder, $"{importId:N}-rejected.xlsx");

    /// <summary>Streams an upload to a file, hashing it; refused when too large, of another kind, unreadable, or without a header.</summary>
    public async Task<(ImportUpload? Upload, string? Problem)> UploadAsync(Stream content, string fileName, StaffUser user, CancellationToken ct = default)
    {
        if (!MayImport(user)) return (null, "只有受理员和管理人员可以导入工单");
        var (kind, problem) = ImportSheet.KindOf(fileName);
        if (kind is null) return (null, problem);
        var id = Guid.NewGuid();
        var path = Path.Combine(Folder, $"{id:N}{Path.GetExtension(fileName).ToLowerInvariant()}");
        string sha;
        long size = 0;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxFileBytes) break;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size > MaxFileBytes)
            {
                TryDelete(path);
                return (null, $"文件超过 {MaxFileBytes / 1024 / 1024} MB 的上限，请分批导出后再导入");
            }
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch
        {
            TryDelete(path);
            throw;
        }
        var (sheet, unreadable) = await Task.Run(() => ImportSheet.Open(path, kind.Value), ct);
        if (sheet is null)
        {
            TryDelete(path);
            return (null, unreadable);
        }
        var info = new ImportUpload(id, Path.GetFileName(fileName), size, sha, kind.Value, sheet.HeaderRow, sheet.Headers);
        _uploads[id] = new Upload(info, path, user.Actor.UserId);
        return (info, null);
    }

    /// <summary>Starts (or finds) the preview of an upload with a mapping.</summary>
    public void Analyse(Guid uploadId, ColumnMapping mapping, StaffUser user)
    {
        if (!_uploads.TryGetValue(uploadId, out var upload) || upload.OwnerId != user.Actor.UserId) return;
        var key = (uploadId, MappingJson.Write(mapping));
        var analysis = new Analysis();
        if (!_analyses.TryAdd(key, analysis)) return;
        _ = Task.Run(async () =>
        {
            try
            {
                var (sheet, problem) = ImportSheet.Open(upload.Path, upload.Info.Kind);
                if (sheet is null) { analysis.Error = problem; return; }
                await using var scope = scopes.CreateAsyncScope();
                analysis.Preview = await scope.ServiceProvider.GetRequiredService<ImportAnalysis>()
                    .AnalyseAsync(sheet, mapping, upload.Info.Sha256, rows => analysis.Rows = rows, CancellationToken.None);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Previewing import {Upload} failed", uploadId);
                analysis.Error = "读取文件失败，请确认文件完整后重新上传。";
            }
            finally { analysis.Done = true; }
        });
    }

    public AnalysisStatus? AnalysisOf(Guid uploadId, ColumnMapping mapping) =>
        _analyses.TryGetValue((uploadId, MappingJson.Write(mapping)), out var a) ? new(a.Rows, a.Done, a.Preview, a.Error) : null;

    /// <summary>Starts importing an upload with a mapping; the import runs on after the page is left.</summary>
    public async Task<(Guid? Id, string? Refusal)> StartAsync(Guid uploadId, ColumnMapping mapping, string sourceName, StaffUser user, CancellationToken ct = default)
    {
        if (!MayImport(user)) return (null, "只有受理员和管理人员可以导入工单");
        if (!_uploads.TryRemove(uploadId, out var upload) || upload.OwnerId != user.Actor.UserId) return (null, "上传的文件已失效，请重新上传");
        var (sheet, problem) = ImportSheet.Open(upload.Path, upload.Info.Kind);
        if (sheet is null) return (null, problem);
        if (MappingCheck.Problems(sheet.Headers, mapping) is [var first, ..]) { _uploads[uploadId] = upload; return (null, first); }
        var total = AnalysisOf(uploadId, mapping)?.Preview?.Total ?? 0;
        var now = time.GetUtcNow();
        var record = new WorkOrderImportRecord
        {
            Id = Guid.NewGuid(), SourceName = sourceName, FileName = upload.Info.FileName, FileSize = upload.Info.Size, Sha256 = upload.Info.Sha256,
            UserId = user.Actor.UserId, UserName = user.Actor.DisplayName, Department = user.Department,
            StartedAt = now, HeartbeatAt = now, Status = WorkOrderImportStatus.Running, TotalRows = total,
        };
        await gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.WorkOrderImports.Add(record);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        var run = new Run(record.Id, record.FileName, user.Actor.UserId, total, upload.Path);
        _runs[run.Id] = run;
        _ = Task.Run(() => RunAsync(run, record, sheet, mapping, upload, user));
        return (run.Id, null);
    }

    public ImportStatus? Status(Guid id) =>
        _runs.TryGetValue(id, out var run) ? new(id, run.FileName, run.Total, run.Counts, run.Done, run.Error) : null;

    public void Cancel(Guid id, StaffUser user)
    {
        if (_runs.TryGetValue(id, out var run) && (run.OwnerId == user.Actor.UserId || user.Is(StaffRole.Manager) || user.Is(StaffRole.Admin))) run.Cancel.Cancel();
    }

    /// <summary>The most recent imports: one's own, or everyone's for managers and admins.</summary>
    public async Task<IReadOnlyList<WorkOrderImportRecord>> RecentAsync(StaffUser user, int count = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkOrderImports.AsNoTracking();
        if (!SeesAll(user)) query = query.Where(i => i.UserId == user.Actor.UserId);
        return await query.OrderByDescending(i => i.StartedAt).Take(count).ToListAsync(ct);
    }

    /// <summary>An import still marked running whose last batch is this old was cut short (the app stopped).</summary>
    public static readonly TimeSpan InterruptedAfter = TimeSpan.FromMinutes(10);

    public bool IsRunningHere(Guid id) => _runs.TryGetValue(id, out var run) && !run.Done;

    /// <summary>The rejected rows of an import, for its importer or a manager or admin; null when there are none or they are gone.</summary>
    public async Task<(string Path, string FileName)?> RejectedFileAsync(Guid id, StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.WorkOrderImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (record is null || !MayImport(user) || (!user.Is(StaffRole.Manager) && record.UserId != user.Actor.UserId) || record.Rejected == 0) return null;
        var path = RejectedPath(id);
        return File.Exists(path) ? (path, $"{Path.GetFileNameWithoutExtension(record.FileName)}-未导入{record.Rejected}行.xlsx") : null;
    }

    private static bool SeesAll(StaffUser user) => user.Is(StaffRole.Manager) || user.Is(StaffRole.Admin);

    private async Task RunAsync(Run run, WorkOrderImportRecord record, ImportSheet sheet, ColumnMapping mapping, Upload upload, StaffUser user)
    {
        var ct = run.Cancel.Token;
        var rejectedPath = RejectedPath(run.Id);
        var lastSaved = time.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<WorkOrderImporter>();
            await using var rejected = new FileStream(rejectedPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            run.Counts = await importer.RunAsync(sheet, mapping, user, $"导入：{upload.Info.FileName}（{record.SourceName}）", rejected, counts =>
            {
                run.Counts = counts;
                if (time.GetElapsedTime(lastSaved) < TimeSpan.FromSeconds(2)) return;
                lastSaved = time.GetTimestamp();
                _ = SaveProgressAsync(record.Id, counts);
            }, ct);
            record.Status = WorkOrderImportStatus.Finished;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            (record.Status, run.Error) = (WorkOrderImportStatus.Cancelled, "已取消导入：取消前已登记的工单保留，其余未导入");
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Importing {File} for {User} failed", upload.Info.FileName, user.Actor.UserId);
            (record.Status, run.Error) = (WorkOrderImportStatus.Failed, "导入中断：已登记的工单保留，可重新导入同一文件继续（已登记的不会重复）。如仍失败请联系系统管理员。");
        }
        if (record.Status != WorkOrderImportStatus.Finished || run.Counts.Rejected == 0) TryDelete(rejectedPath);
        TryDelete(upload.Path);
        await FinishAsync(record, run, user);
        run.Done = true;
    }

    private async Task SaveProgressAsync(Guid id, ImportCounts counts)
    {
        try
        {
            await gate.RunAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var record = await db.WorkOrderImports.SingleAsync(i => i.Id == id);
                (record.Processed, record.Created, record.AlreadyThere, record.Rejected, record.HeartbeatAt) =
                    (counts.Processed, counts.Created, counts.AlreadyThere, counts.Rejected, time.GetUtcNow());
                await db.SaveChangesAsync();
                return true;
            });
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Saving the progress of import {Id} failed", id);
        }
    }

    /// <summary>The record's final counts and status, and the admin log's entry, in one save.</summary>
    private async Task FinishAsync(WorkOrderImportRecord record, Run run, StaffUser user)
    {
        var counts = run.Counts;
        var at = time.GetUtcNow();
        try
        {
            await gate.RunAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var stored = await db.WorkOrderImports.SingleAsync(i => i.Id == record.Id);
                (stored.Processed, stored.Created, stored.AlreadyThere, stored.Rejected, stored.HeartbeatAt, stored.FinishedAt, stored.Status, stored.Error) =
                    (counts.Processed, counts.Created, counts.AlreadyThere, counts.Rejected, at, at, record.Status, run.Error);
                if (stored.TotalRows < counts.Processed) stored.TotalRows = counts.Processed;
                db.AdminAuditEvents.Add(AdminAuditEvent.Of(user.Actor, ImportAction, record.FileName,
                    $"{record.SourceName}，{Describe(record.Status)}：读取 {counts.Processed:N0} 行，新建 {counts.Created:N0} 件，已登记过 {counts.AlreadyThere:N0} 件，未导入 {counts.Rejected:N0} 行；文件 {record.FileSize:N0} 字节，SHA-256 {record.Sha256}", at));
                await db.SaveChangesAsync();
                return true;
            });
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Recording the end of import {Id} failed", record.Id);
            run.Error ??= "导入已结束，但导入记录未能保存，请联系系统管理员。";
        }
    }

    public static string Describe(WorkOrderImportStatus status) => status switch
    {
        WorkOrderImportStatus.Running => "导入中",
        WorkOrderImportStatus.Finished => "已完成",
        WorkOrderImportStatus.Cancelled => "已取消",
        _ => "失败",
    };

    /// <summary>
    /// Deletes the folder's files older than <see cref="KeepFilesFor"/> — not those of an import or a preview
    /// under way — and forgets such uploads (importing one then asks for it again). Returns how many went.
    /// </summary>
    public int Sweep()
    {
        var before = (time.GetUtcNow() - KeepFilesFor).UtcDateTime;
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in _runs.Values.Where(r => !r.Done)) inUse.UnionWith([run.UploadPath, RejectedPath(run.Id)]);
        foreach (var ((uploadId, _), analysis) in _analyses)
            if (!analysis.Done && _uploads.TryGetValue(uploadId, out var previewed)) inUse.Add(previewed.Path);
        foreach (var (id, upload) in _uploads)
            if (!inUse.Contains(upload.Path) && File.GetLastWriteTimeUtc(upload.Path) < before) _uploads.TryRemove(id, out _);
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
            if (IsOurs(file) && !inUse.Contains(file) && File.GetLastWriteTimeUtc(file) < before && TryDelete(file)) deleted++;
        return deleted;
    }

    /// <summary>Only files named as this class names them (an upload's id, or an import's id and "-rejected"): the folder may be shared.</summary>
    private static bool IsOurs(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (name.EndsWith("-rejected", StringComparison.Ordinal)) name = name[..^"-rejected".Length];
        return Guid.TryParseExact(name, "N", out _);
    }

    private static bool TryDelete(string path)
    {
        try { File.Delete(path); return true; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; /* in use or not ours; the next sweep, or the OS, cleans it */ }
    }
}
