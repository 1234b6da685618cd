using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Privacy;
using PowerService.Domain.Reports;
using PowerService.Web.Data;
using PowerService.Web.Features.Privacy;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

public enum ExportFormat { Xlsx, Pdf, Csv }

/// <summary>What a manager asked to export: the period's report (xlsx, PDF) or its detail rows (CSV), masked or in full.</summary>
public sealed record ExportRequest(ExportFormat Format, ReportPeriod Period, string? Department, bool Full);

/// <summary>An export under way or finished, as its page shows it.</summary>
public sealed record ExportStatus(Guid Id, ExportFormat Format, int Rows, int Total, bool Done, bool Cancelled, string? Error, string? FileName, long Size);

/// <summary>
/// Runs exports in the background into a temporary file, so a large one streams with bounded memory,
/// shows its progress and can be cancelled; the finished file is fetched once by the person who asked
/// (<see cref="TakeAsync"/>), then deleted. Every export is logged when it ends — finished, cancelled
/// or failed — with its rows, masking and SHA-256; an export in full is on the personal-information log
/// before it starts, and refused if that cannot be recorded.
/// </summary>
public sealed class ExportJobs(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<ExportJobs> log)
{
    /// <summary>A finished file waits this long to be fetched.</summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(30);

    private sealed class Job(Guid id, StaffUser owner, ExportRequest request)
    {
        public Guid Id => id;
        public StaffUser Owner => owner;
        public ExportRequest Request => request;
        public CancellationTokenSource Cancel { get; } = new();
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"powerservice-export-{id:N}");
        public volatile int Rows;
        public int Total;
        public volatile bool Done;
        public string? Error;
        public string? FileName;
        public DateTimeOffset FinishedAt;
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    /// <summary>Starts an export; a refusal (scope, masking, log) comes back as a Chinese reason.</summary>
    public async Task<(Guid? Id, string? Refusal)> StartAsync(StaffUser user, ExportRequest request, CancellationToken ct = default)
    {
        var (allowed, department, refusal) = ReportService.ScopeOf(user, request.Department);
        if (!allowed) return (null, refusal);
        if (request.Full && !PrivacyPolicy.For(user.Roles).MayReveal) return (null, "您的角色只能导出脱敏明细");
        request = request with { Department = department };
        Sweep();
        if (request.Full)
        {
            await using var scope = scopes.CreateAsyncScope();
            var logged = await scope.ServiceProvider.GetRequiredService<PiiAccessLog>().RecordAsync(user, PiiAccessKind.ReportExport, null,
                $"导出{Describe(request)}（含完整客户联系方式）", ct);
            if (!logged) return (null, PiiAccessLog.NotRecorded);
        }
        var job = new Job(Guid.NewGuid(), user, request);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return (job.Id, null);
    }

    public ExportStatus? Status(Guid id, StaffUser user) =>
        _jobs.TryGetValue(id, out var job) && job.Owner.Actor.UserId == user.Actor.UserId
            ? new(id, job.Request.Format, job.Rows, job.Total, job.Done, job.Cancel.IsCancellationRequested, job.Error, job.FileName,
                job.Done && job.Error is null && File.Exists(job.Path) ? new FileInfo(job.Path).Length : 0)
            : null;

    public void Cancel(Guid id, StaffUser user)
    {
        if (_jobs.TryGetValue(id, out var job) && job.Owner.Actor.UserId == user.Actor.UserId && !job.Done) job.Cancel.Cancel();
    }

    /// <summary>The finished file for its owner, once: the stream deletes it when closed.</summary>
    public (Stream Content, string FileName, string ContentType)? Take(Guid id, StaffUser user)
    {
        if (!_jobs.TryGetValue(id, out var job) || job.Owner.Actor.UserId != user.Actor.UserId || !job.Done || job.Error is not null) return null;
        if (!_jobs.TryRemove(id, out _)) return null;
        var stream = new FileStream(job.Path, FileMode.Open, FileAccess.Read, FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return (stream, job.FileName!, ContentType(job.Request.Format));
    }

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Pdf => "application/pdf",
        _ => "text/csv; charset=utf-8",
    };

    public static string Describe(ExportRequest r) =>
        $"{r.Period.Label} {r.Department ?? "全公司"} " + r.Format switch
        {
            ExportFormat.Xlsx => "报表（Excel）",
            ExportFormat.Pdf => "月报（PDF）",
            _ => "明细（CSV）",
        };

    private async Task RunAsync(Job job)
    {
        var ct = job.Cancel.Token;
        string? sha = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var files = scope.ServiceProvider.GetRequiredService<ReportFiles>();
            await using (var file = new FileStream(job.Path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                job.FileName = await files.WriteAsync(file, job.Owner, job.Request, total => job.Total = total, new SyncProgress(n => job.Rows = n), ct);
            }
            await using var written = File.OpenRead(job.Path);
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Error = "已取消导出";
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Export {Format} for {User} failed", job.Request.Format, job.Owner.Actor.UserId);
            job.Error = "导出失败，请稍后重试；如仍失败请联系系统管理员。";
        }
        if (job.Error is not null) TryDelete(job.Path);
        job.FinishedAt = time.GetUtcNow();
        await RecordAsync(job, sha);
        job.Done = true;
    }

    /// <summary>Progress that updates at once (Progress&lt;T&gt; posts to a context this background task does not have).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private async Task RecordAsync(Job job, string? sha)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ReportExports.Add(new ReportExportRecord
            {
                At = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()),
                UserId = job.Owner.Actor.UserId, UserName = job.Owner.Actor.DisplayName, Roles = string.Join(",", job.Owner.Roles),
                Format = job.Request.Format.ToString().ToLowerInvariant(), What = Describe(job.Request),
                Rows = job.Rows, Masked = !job.Request.Full, Completed = job.Error is null, Sha256 = sha,
            });
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            // The file is not handed out unrecorded.
            log.LogError(ex, "Recording the export of {User} failed", job.Owner.Actor.UserId);
            job.Error ??= "导出记录未能保存，文件未予提供。请稍后重试。";
            TryDelete(job.Path);
        }
    }

    /// <summary>Forgets finished exports nobody fetched.</summary>
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var job in _jobs.Values.Where(j => j.Done && now - j.FinishedAt > KeepFor))
            if (_jobs.TryRemove(job.Id, out _)) TryDelete(job.Path);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
