using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Retention;

/// <summary>A complaint the dry run found due, and what anonymising it would change (field names, never values).</summary>
public sealed record RetentionCandidate(string Number, Stage Stage, Category Category, DateTimeOffset EndedAt, IReadOnlyList<string> Changes);

/// <summary>What a run would do now: how many complaints are due under the policy, and the first of them in detail.</summary>
public sealed record RetentionPreview(int Years, DateTimeOffset Cutoff, int Due, IReadOnlyList<RetentionCandidate> Shown, IReadOnlyList<string> Unreadable);

/// <summary>
/// Retention (docs/domain.md §8): finds the complaints whose retention period has passed and
/// anonymises each in its own transaction — the sanction row first, then the complaint with its
/// rewritten and re-sealed timeline, then the issued documents' bytes — so a failure or a stop
/// leaves every complaint either untouched or wholly anonymised, and the next run carries on
/// where this one ended. One run at a time per instance; instances sharing a PostgreSQL database
/// may overlap, and the unique sanction per complaint and the complaint's revision decide between
/// them. Every run ends with one entry on the append-only admin log.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<AppDbContext> dbFactory,
    WriteGate gate,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionService> log)
{
    /// <summary>How many due complaints the dry run describes field by field (the count covers all).</summary>
    public const int PreviewLimit = 200;

    /// <summary>A run whose counts were not written for this long was cut short (the app stopped).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromHours(1);

    public const string AuditAction = "保留期限匿名化";

    private static readonly Stage[] EndStages = [Stage.Closed, Stage.Merged, Stage.Withdrawn, Stage.Reclassified];

    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly RepeatedFailureLog _failures = new(log, time);

    public RetentionOptions Settings => options.Value;

    /// <summary>The configured policy; the settings were validated at start (<see cref="RetentionOptionsValidation"/>).</summary>
    public RetentionPolicy Policy => RetentionPolicy.Of(options.Value.Years).Value
        ?? throw new InvalidOperationException($"Retention:Years = {options.Value.Years} is not a valid retention policy.");

    public bool IsRunning => _running.CurrentCount == 0;

    /// <summary>Which complaints a run would anonymise now and what it would change in each; changes nothing.</summary>
    public async Task<RetentionPreview> DryRunAsync(CancellationToken ct = default)
    {
        var policy = Policy;
        var now = time.GetUtcNow();
        var cutoff = policy.Cutoff(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await Due(db, cutoff).CountAsync(ct);
        var ids = await Due(db, cutoff).OrderBy(c => c.Id).Select(c => c.Id).Take(PreviewLimit).ToListAsync(ct);
        var shown = new List<RetentionCandidate>();
        var unreadable = new List<string>();
        foreach (var id in ids)
        {
            // One by one: a complaint that cannot be read is named, and the others still listed.
            try
            {
                var complaint = await db.Complaints.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == id, ct);
                if (policy.IsDue(complaint, now))
                    shown.Add(new RetentionCandidate(complaint.Number, complaint.Stage, complaint.Category, complaint.EndedAt!.Value, complaint.AnonymisationChanges()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var number = await db.Complaints.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(ct);
                log.LogError(ex, "Retention dry run: complaint {Number} cannot be read", number);
                unreadable.Add(number);
            }
        }
        return new RetentionPreview(policy.Years, cutoff, due, shown, unreadable);
    }

    /// <summary>The last runs, newest first.</summary>
    public async Task<IReadOnlyList<RetentionRun>> HistoryAsync(int take = 30, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>An admin's "run now" (the page asks for confirmation first).</summary>
    public Task<StepResult<RetentionRun>> RunNowAsync(StaffUser admin, CancellationToken ct = default) =>
        admin.Is(StaffRole.Admin)
            ? RunAsync(admin.Actor, scheduled: false, ct)
            : Task.FromResult(new StepResult<RetentionRun>(null, StepResult.Refused("只有系统管理员可以执行匿名化")));

    /// <summary>
    /// Whether the daily run is due: none has started since the last scheduled time (<see cref="RetentionOptions.RunAt"/>,
    /// China time). So a day missed while the app was down is caught up when it starts again.
    /// </summary>
    public async Task<bool> ScheduledRunDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slot = PreviousSlot(time.GetUtcNow());
        return !await db.RetentionRuns.AnyAsync(r => r.StartedAt >= slot, ct);
    }

    /// <summary>The next daily start after <paramref name="now"/>.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now) => PreviousSlot(now).AddDays(1);

    private DateTimeOffset PreviousSlot(DateTimeOffset now)
    {
        var today = ChinaTime.FromChinaWallClock(now.ChinaDate().ToDateTime(options.Value.RunAt)).ToUniversalTime();
        return today <= now ? today : today.AddDays(-1);
    }

    /// <summary>
    /// Anonymises every complaint due now, in batches, and records the run. Refused while this
    /// instance is already running one. Whatever happens to single complaints, the run goes on;
    /// if the run itself cannot go on (database gone, app stopping) it is recorded as interrupted.
    /// </summary>
    public async Task<StepResult<RetentionRun>> RunAsync(Actor by, bool scheduled, CancellationToken ct = default)
    {
        if (!await _running.WaitAsync(0, ct))
            return new(null, StepResult.Refused("已有一次匿名化正在执行，请稍后在运行记录中查看结果"));
        try
        {
            var policy = Policy;
            var started = time.GetUtcNow();
            await CloseAbandonedRunsAsync(started, ct);
            var run = new RetentionRun
            {
                StartedAt = started, UpdatedAt = started, Outcome = RetentionRunOutcome.Running, Scheduled = scheduled,
                TriggeredById = by.UserId, TriggeredByName = by.DisplayName, Years = policy.Years, Cutoff = policy.Cutoff(started),
            };
            await SaveRunAsync(run, null, ct);
            log.LogInformation("Retention run {Run} started ({How}, {Years} years, complaints ended by {Cutoff:u})", run.Id, scheduled ? "scheduled" : by.DisplayName, policy.Years, run.Cutoff);
            var failures = new List<string>();
            try
            {
                var lastId = 0;
                while (true)
                {
                    List<int> ids;
                    await using (var db = await dbFactory.CreateDbContextAsync(ct))
                        ids = await Due(db, run.Cutoff).Where(c => c.Id > lastId).OrderBy(c => c.Id).Select(c => c.Id).Take(options.Value.BatchSize).ToListAsync(ct);
                    if (ids.Count == 0) break;
                    foreach (var id in ids)
                    {
                        var outcome = await AnonymiseAsync(id, run.Id, policy, ct);
                        switch (outcome)
                        {
                            case { Documents: { } documents }: run.Anonymised++; run.DocumentsDestroyed += documents; break;
                            case { Failure: { } failure }: run.Failed++; failures.Add(failure); break;
                            default: run.Skipped++; break;
                        }
                    }
                    lastId = ids[^1];
                    run.UpdatedAt = time.GetUtcNow();
                    run.Failures = Describe(failures);
                    await SaveRunAsync(run, null, ct);
                }
                run.Outcome = RetentionRunOutcome.Finished;
            }
            catch (Exception ex)
            {
                run.Outcome = RetentionRunOutcome.Interrupted;
                if (ex is OperationCanceledException) failures.Add("应用停止，运行中断；未处理的投诉下次运行时继续");
                else
                {
                    log.LogError(ex, "Retention run {Run} stopped", run.Id);
                    failures.Add("运行中断（数据库错误，详见系统日志）；未处理的投诉下次运行时继续");
                }
            }
            run.FinishedAt = run.UpdatedAt = time.GetUtcNow();
            run.Failures = Describe(failures);
            // Recorded even when the app is stopping: the few milliseconds are worth a complete history.
            await SaveRunAsync(run, Audit(run, by), CancellationToken.None);
            log.LogInformation("Retention run {Run} {Outcome}: {Anonymised} anonymised, {Documents} document files destroyed, {Skipped} skipped, {Failed} failed",
                run.Id, run.Outcome, run.Anonymised, run.DocumentsDestroyed, run.Skipped, run.Failed);
            return new(run, StepResult.Success);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not even the run's own record could be written: nothing was anonymised without it.
            log.LogError(ex, "Retention run could not be recorded");
            return new(null, StepResult.Refused("无法记录本次运行（数据库错误），未做任何匿名化。请稍后重试；如仍失败请联系系统管理员。"));
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Complaints that ended in their end stage at or before <paramref name="cutoff"/> and still hold personal data (mirrors <see cref="Complaint.EndedAt"/>).</summary>
    private static IQueryable<Complaint> Due(AppDbContext db, DateTimeOffset cutoff) =>
        db.Complaints.Where(c => c.AnonymisedAt == null && EndStages.Contains(c.Stage)
                                 && c.Timeline.Any(e => e.ToStage == c.Stage && e.FromStage != e.ToStage && e.At <= cutoff));

    private sealed record Outcome(int? Documents = null, string? Failure = null);

    /// <summary>One complaint, in its own transaction: anonymised (with the number of document files destroyed), skipped, or failed with the reason.</summary>
    private Task<Outcome> AnonymiseAsync(int id, long runId, RetentionPolicy policy, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            var key = $"retention/{id}";
            var what = $"Anonymising complaint {id}";
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var complaint = await db.Complaints.Include(c => c.Timeline).SingleOrDefaultAsync(c => c.Id == id, ct);
                var now = time.GetUtcNow();
                if (complaint is null || !policy.IsDue(complaint, now)) return new Outcome();
                what = $"Anonymising complaint {complaint.Number}";

                // The sanction first: the triggers let the timeline and the documents be rewritten only once it is on record.
                db.Anonymisations.Add(new AnonymisationRecord
                {
                    ComplaintId = complaint.Id, Number = complaint.Number, RunId = runId, At = now, Years = policy.Years,
                    Fields = Shorten(string.Join("、", complaint.AnonymisationChanges()), 1000),
                });
                await db.SaveChangesAsync(ct);

                var result = complaint.Anonymise(policy, new StepContext(StaffRoles.SystemActor, [StaffRole.System], now));
                if (!result.Succeeded)
                {
                    // Nothing is committed: the sanction goes with the refused rewrite.
                    var reason = string.Join("；", result.Reasons);
                    log.LogError("Retention: complaint {Number} was not anonymised: {Reason}", complaint.Number, reason);
                    return new Outcome(Failure: $"{complaint.Number}：{reason}");
                }
                await db.SaveChangesAsync(ct);
                var documents = await db.IssuedDocumentFiles.Where(f => f.ComplaintId == id && f.AnonymisedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Content, Array.Empty<byte>()).SetProperty(f => f.AnonymisedAt, now), ct);
                await transaction.CommitAsync(ct);
                _failures.Succeeded(key, what);
                return new Outcome(Documents: documents);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Another instance anonymised it first (its sanction is unique, its revision moved on): not a failure.
                if (ex is DbUpdateException && await IsAnonymisedAsync(id, ct)) return new Outcome();
                _failures.Failed(key, what, ex);
                return new Outcome(Failure: $"{await NumberAsync(id, ct)}：保存失败（详见系统日志）");
            }
        }, ct);

    /// <summary>Runs left "running" by an instance that stopped mid-way: closed as interrupted, each with its audit entry.</summary>
    private async Task CloseAbandonedRunsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = now - Abandoned;
        var abandoned = await db.RetentionRuns.Where(r => r.Outcome == RetentionRunOutcome.Running && r.UpdatedAt < stale).ToListAsync(ct);
        foreach (var run in abandoned)
        {
            run.Outcome = RetentionRunOutcome.Interrupted;
            run.FinishedAt = run.UpdatedAt;
            run.Failures = Describe([run.Failures, "运行未正常结束（应用停止）；未处理的投诉已由后续运行继续"]);
            db.AdminAuditEvents.Add(Audit(run, new Actor(run.TriggeredById, run.TriggeredByName), now));
            log.LogWarning("Retention run {Run} started {Started:u} did not finish; recorded as interrupted", run.Id, run.StartedAt);
        }
        if (abandoned.Count > 0) await gate.RunAsync(async () => await db.SaveChangesAsync(ct), ct);
    }

    private Task SaveRunAsync(RetentionRun run, AdminAuditEvent? audit, CancellationToken ct) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (run.Id == 0) db.RetentionRuns.Add(run);
            else db.RetentionRuns.Update(run);
            if (audit is not null) db.AdminAuditEvents.Add(audit);
            return await db.SaveChangesAsync(ct);
        }, ct);

    private AdminAuditEvent Audit(RetentionRun run, Actor by, DateTimeOffset? at = null) =>
        AdminAuditEvent.Of(by, AuditAction, $"运行 #{run.Id}", Shorten(
            $"{(run.Scheduled ? "每日定时任务" : "管理员手动执行")}；保留期限 {run.Years} 年（结束于 {ChinaTime.Format(run.Cutoff)} 及以前）；"
            + $"开始 {ChinaTime.Format(run.StartedAt)}，结束 {(run.FinishedAt is { } f ? ChinaTime.Format(f) : "—")}，{Label(run.Outcome)}；"
            + $"匿名化 {run.Anonymised} 件，销毁文书原件 {run.DocumentsDestroyed} 份，跳过 {run.Skipped} 件，失败 {run.Failed} 件"
            + (run.Failures.Length > 0 ? $"；{run.Failures}" : ""), 500), at ?? time.GetUtcNow());

    public static string Label(RetentionRunOutcome outcome) => outcome switch
    {
        RetentionRunOutcome.Running => "进行中",
        RetentionRunOutcome.Finished => "已完成",
        _ => "已中断",
    };

    private async Task<bool> IsAnonymisedAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.AnyAsync(c => c.Id == id && c.AnonymisedAt != null, ct);
    }

    private async Task<string> NumberAsync(int id, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Complaints.Where(c => c.Id == id).Select(c => c.Number).SingleOrDefaultAsync(ct) ?? $"#{id}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"#{id}";
        }
    }

    private static string Describe(IEnumerable<string> failures) => Shorten(string.Join("；", failures.Where(f => f.Length > 0)), 2000);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
