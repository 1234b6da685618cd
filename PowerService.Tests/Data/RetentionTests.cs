using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Staff;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Integrity;
using PowerService.Web.Features.Retention;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>
/// Retention on a real database: due complaints lose every trace of the customer's data — fields,
/// texts, timeline, document bytes — through the one rewrite the triggers sanction, while the
/// statistics, the seals and every other refusal stay; the run is audited and safe to repeat.
/// </summary>
public abstract class RetentionTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>What the complaints below were seeded with (ComplaintBuilder's customer, and what staff typed about them).</summary>
    private static readonly string[] Seeded = ["张建国", "13812348000", "3300123456", "文三路 100 号", "13912345678", "张先生"];

    private const string PersonalNote = "张建国之子 13912345678 代为联系，张先生要求书面答复";

    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RetentionService Retention => _db.Services.GetRequiredService<RetentionService>();

    private sealed record Seed(string Closed, string Withdrawn, string Open, string Young);

    /// <summary>
    /// A closed 12398 complaint with its reply issued and the customer named in a note, and a withdrawn
    /// one, both ended more than 3 years (the default policy) before now; one still open from then, and
    /// one withdrawn just now.
    /// </summary>
    private async Task<Seed> SeedAsync()
    {
        var agent = await _db.StaffAsync("agent");
        var handler = await _db.StaffAsync("handler");
        var manager = await _db.StaffAsync("manager");
        var closed = await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, agent, handler);
        await ActAsync(closed, handler, PersonalNote, (c, ctx) => c.AddNote(new ProgressNote("已致电张先生 13812348000 说明整改安排"), ctx));
        var issued = await _db.Services.GetRequiredService<DocumentService>().IssueAsync(closed, (await _db.LoadAsync(closed)).Revision, DocumentKind.Reply12398, manager, ct: Ct);
        Assert.True(issued.Succeeded, string.Join("；", issued.Result.Reasons));
        await ActAsync(closed, handler, null, (c, ctx) => c.Improve(Plan, ctx));
        var withdrawn = await RegisterAsync(agent);
        await ActAsync(withdrawn, agent, PersonalNote, (c, ctx) => c.Withdraw(new Withdrawal("张建国表示停电问题已自行解决", "电话录音"), ctx));
        var open = await RegisterAsync(agent);

        _db.Time.Advance(TimeSpan.FromDays(3 * 366));
        var young = await RegisterAsync(agent);
        await ActAsync(young, agent, null, (c, ctx) => c.Withdraw(new Withdrawal("张建国表示不再投诉", "电话录音"), ctx));
        return new Seed(closed, withdrawn, open, young);
    }

    private Task<string> RegisterAsync(PowerService.Web.Features.Shared.StaffUser agent) =>
        _db.RegisterAsync(agent, ValidIntake() with { ReceivedAt = _db.Time.GetUtcNow().AddMinutes(-10), Content = "张建国反映文三路 100 号停电未通知，回电 13812348000。" });

    private async Task ActAsync(string number, PowerService.Web.Features.Shared.StaffUser by, string? note, Func<Complaint, StepContext, StepResult> step)
    {
        var outcome = await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, by, note, step, Ct);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }

    private async Task<RetentionRun> RunAsync()
    {
        var result = await Retention.RunAsync(StaffRoles.SystemActor, scheduled: true, Ct);
        Assert.True(result.Succeeded, string.Join("；", result.Outcome.Reasons));
        return result.Value!;
    }

    private async Task<int> IdOfAsync(string number)
    {
        await using var db = _db.NewContext();
        return await db.Complaints.Where(c => c.Number == number).Select(c => c.Id).SingleAsync(Ct);
    }

    /// <summary>Every stored row of a complaint — its own, its timeline's, its documents' (bytes decoded as text too) and its sanction — as the database holds them.</summary>
    private async Task<string> StoredRowsAsync(string number)
    {
        var id = await IdOfAsync(number);
        var text = new StringBuilder();
        foreach (var (table, key) in new[] { ("Complaints", "Id"), ("TimelineEvents", "ComplaintId"), ("IssuedDocuments", "ComplaintId"), ("Anonymisations", "ComplaintId") })
            text.AppendLine(await DumpAsync($"SELECT * FROM \"{table}\" WHERE \"{key}\" = {id} ORDER BY \"Id\""));
        return text.ToString();
    }

    private async Task<string> DumpAsync(string sql)
    {
        await using var db = _db.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var text = new StringBuilder();
        while (await reader.ReadAsync(Ct))
            for (var i = 0; i < reader.FieldCount; i++)
                text.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i) switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes),
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                }).Append('|');
        return text.ToString();
    }

    private async Task<string> WholeDatabaseAsync()
    {
        var text = new StringBuilder();
        foreach (var table in new[] { "Complaints", "TimelineEvents", "IssuedDocuments", "Anonymisations", "RetentionRuns", "AdminAuditEvents" })
            text.AppendLine(await DumpAsync($"SELECT * FROM \"{table}\" ORDER BY \"Id\""));
        return text.ToString();
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var db = _db.NewContext();
        return await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }

    private static string Statistics(Complaint c) => string.Join("|",
        c.Number, c.Stage, c.Channel, c.Category, c.SubCategory, c.Urgency, c.Profile, c.Customer.Type, c.Customer.IsSpecialGroup, c.Department, c.Owner,
        c.FirstResponder, c.ReceivedAt, c.RegisteredAt, c.ResolvedAt, c.ClosedAt, c.EndedAt, c.ReopenCount, c.Escalation, c.UpstreamReference,
        c.Investigation?.Responsibility, c.Resolution?.Compensation?.Kind, c.Resolution?.Compensation?.Amount, c.Resolution?.CommittedBy,
        string.Join(",", c.Revisits.Select(r => $"{r.Round}/{r.Record.Method}/{r.Record.Reached}/{r.Record.Satisfaction}/{r.At}")),
        string.Join(",", c.Clocks.Select(k => $"{k.Id}/{k.Kind}/{k.Limit}/{k.StartedAt}/{k.DueAt}/{k.StoppedAt}/{k.EndedAs}")),
        string.Join(",", c.IssuedDocuments.Select(d => $"{d.Kind}/{d.Version}/{d.Sha256}/{d.At}/{d.By}")),
        string.Join(",", c.Timeline.Where(e => e.Trigger != LoopTrigger.Anonymise).Select(e => $"{e.Sequence}/{e.Trigger}/{e.ActorName}/{e.At}/{e.FromStage}/{e.ToStage}")));

    [Fact]
    public async Task A_due_complaint_keeps_its_statistics_and_no_seeded_value_remains_in_any_of_its_rows()
    {
        var seed = await SeedAsync();
        var before = (Statistics(await _db.LoadAsync(seed.Closed)), Statistics(await _db.LoadAsync(seed.Withdrawn)));
        foreach (var number in new[] { seed.Closed, seed.Withdrawn })
        {
            var rows = await StoredRowsAsync(number);
            Assert.All(Seeded, v => Assert.Contains(v, rows));
        }

        var run = await RunAsync();

        Assert.Equal((2, 1, 0, 0, RetentionRunOutcome.Finished), (run.Anonymised, run.DocumentsDestroyed, run.Skipped, run.Failed, run.Outcome));
        Assert.Equal(before, (Statistics(await _db.LoadAsync(seed.Closed)), Statistics(await _db.LoadAsync(seed.Withdrawn))));
        foreach (var number in new[] { seed.Closed, seed.Withdrawn })
        {
            var rows = await StoredRowsAsync(number);
            Assert.All(Seeded, v => Assert.DoesNotContain(v, rows));
            Assert.Contains("已匿名", rows);
            var complaint = await _db.LoadAsync(number);
            Assert.Equal(("已匿名", "已匿名", "杭州市西湖区（已匿名）"), (complaint.Customer.Name, complaint.Customer.Phone, complaint.Customer.Address));
            Assert.Equal("系统", complaint.Timeline.Single(e => e.Trigger == LoopTrigger.Anonymise).ActorName);
        }
        var closed = await _db.LoadAsync(seed.Closed);
        Assert.Equal(35.60m, closed.Resolution!.Compensation!.Amount);
        Assert.Equal([Satisfaction.Satisfied, Satisfaction.Satisfied], closed.Revisits.Select(r => r.Record.Satisfaction));
    }

    [Fact]
    public async Task After_a_run_the_record_verifies_and_the_document_is_kept_as_its_hash()
    {
        var seed = await SeedAsync();

        await RunAsync();

        Assert.Empty(await _db.Services.GetRequiredService<IntegrityService>().VerifyAllAsync(Ct));
        long fileId;
        await using (var db = _db.NewContext()) fileId = await db.IssuedDocumentFiles.Select(f => f.Id).SingleAsync(Ct);
        var (file, tampered) = await _db.Services.GetRequiredService<DocumentService>().FileAsync(fileId, await _db.StaffAsync("manager"), Ct);
        Assert.Null(tampered);
        Assert.Empty(file!.Content);
        Assert.NotNull(file.AnonymisedAt);
        var closed = await _db.LoadAsync(seed.Closed);
        Assert.Equal(file.Sha256, closed.IssuedDocuments.Single().Sha256);
        Assert.Contains(closed.Timeline, e => e.Trigger == LoopTrigger.IssueDocument && e.Summary.EndsWith(file.Sha256));
        Assert.Empty(_db.Log.Problems);
    }

    /// <summary>Each is refused on its own (one seeded database for all: a refused statement changes nothing).</summary>
    private static readonly string[] Rewrites =
    [
        "UPDATE \"TimelineEvents\" SET \"Summary\" = '已处理' WHERE \"ComplaintId\" = {anonymised}",
        "UPDATE \"TimelineEvents\" SET \"Hash\" = NULL WHERE \"ComplaintId\" = {anonymised}",
        "UPDATE \"TimelineEvents\" SET \"Summary\" = '已处理' WHERE \"ComplaintId\" = {open}",
        "UPDATE \"TimelineEvents\" SET \"Summary\" = '已处理', \"Anonymised\" = TRUE WHERE \"ComplaintId\" = {open}",
        "UPDATE \"TimelineEvents\" SET \"ActorName\" = '某人', \"Anonymised\" = TRUE WHERE \"ComplaintId\" = {open}",
        "DELETE FROM \"TimelineEvents\" WHERE \"ComplaintId\" = {anonymised}",
        "UPDATE \"IssuedDocuments\" SET \"Sha256\" = 'x'",
        "UPDATE \"IssuedDocuments\" SET \"AnonymisedAt\" = NULL",
        "DELETE FROM \"IssuedDocuments\"",
        "UPDATE \"Anonymisations\" SET \"Fields\" = ''",
        "DELETE FROM \"Anonymisations\"",
    ];

    [Fact]
    public async Task The_triggers_still_refuse_every_other_rewrite_after_a_run()
    {
        var seed = await SeedAsync();
        await RunAsync();
        var ids = (Anonymised: (await IdOfAsync(seed.Closed)).ToString(), Open: (await IdOfAsync(seed.Open)).ToString());
        var before = await WholeDatabaseAsync();

        foreach (var rewrite in Rewrites)
        {
            var sql = rewrite.Replace("{anonymised}", ids.Anonymised).Replace("{open}", ids.Open);
            if (provider == DatabaseProvider.Sqlite) sql = sql.Replace("TRUE", "1");
            var refused = await Record.ExceptionAsync(() => ExecuteAsync(sql));
            Assert.True(refused is DbException, $"Not refused: {sql}");
        }
        Assert.Equal(before, await WholeDatabaseAsync());
    }

    [Fact]
    public async Task The_dry_run_lists_what_would_change_and_changes_nothing()
    {
        var seed = await SeedAsync();
        var before = await WholeDatabaseAsync();

        var preview = await Retention.DryRunAsync(Ct);

        Assert.Equal((3, 2), (preview.Years, preview.Due));
        Assert.Equal([seed.Closed, seed.Withdrawn], preview.Shown.Select(c => c.Number));
        Assert.Equal(["客户姓名", "联系电话", "户号", "用电地址", "处理记录 1 条", "已签发文书 1 份（原件销毁，保留 SHA-256）"], preview.Shown[0].Changes);
        Assert.Equal((Stage.Withdrawn, (await _db.LoadAsync(seed.Withdrawn)).EndedAt), (preview.Shown[1].Stage, preview.Shown[1].EndedAt));
        Assert.Equal(before, await WholeDatabaseAsync());
    }

    [Fact]
    public async Task Open_and_too_young_complaints_are_untouched_and_a_second_run_changes_nothing_more()
    {
        var seed = await SeedAsync();
        var untouched = (await StoredRowsAsync(seed.Open), await StoredRowsAsync(seed.Young));

        await RunAsync();
        var afterFirst = (await StoredRowsAsync(seed.Closed), await StoredRowsAsync(seed.Withdrawn));
        _db.Time.Advance(TimeSpan.FromDays(1));
        var second = await RunAsync();

        Assert.Equal((0, 0, 0), (second.Anonymised, second.Skipped, second.Failed));
        Assert.Equal(afterFirst, (await StoredRowsAsync(seed.Closed), await StoredRowsAsync(seed.Withdrawn)));
        Assert.Equal(untouched, (await StoredRowsAsync(seed.Open), await StoredRowsAsync(seed.Young)));
        Assert.All(Seeded.Take(3), v => Assert.Contains(v, untouched.Item1 + untouched.Item2));
        Assert.Equal(0, (await Retention.DryRunAsync(Ct)).Due);
    }

    [Fact]
    public async Task A_complaint_that_fails_does_not_stop_the_others_and_stays_as_it_was()
    {
        var seed = await SeedAsync();
        var broken = await IdOfAsync(seed.Withdrawn);
        // A step record the app cannot read back (as a bad manual repair would leave it).
        await ExecuteAsync($"UPDATE \"Complaints\" SET \"Revisits\" = '[broken' WHERE \"Id\" = {broken}");
        var rows = await StoredRowsAsync(seed.Withdrawn);

        var run = await RunAsync();

        Assert.Equal((1, 1, RetentionRunOutcome.Finished), (run.Anonymised, run.Failed, run.Outcome));
        Assert.StartsWith($"{seed.Withdrawn}：保存失败", run.Failures);
        Assert.True((await _db.LoadAsync(seed.Closed)).IsAnonymised);
        Assert.Equal(rows, await StoredRowsAsync(seed.Withdrawn));
        var error = Assert.Single(_db.Log.Problems);
        Assert.Contains("Anonymising complaint", error.Message);
    }

    [Fact]
    public async Task A_record_that_fails_its_seals_is_not_re_sealed_over()
    {
        var seed = await SeedAsync();
        await ExecuteAsync(provider == DatabaseProvider.Sqlite ? "DROP TRIGGER TimelineEvents_no_update" : "DROP TRIGGER \"TimelineEvents_no_update\" ON \"TimelineEvents\"");
        await ExecuteAsync($"UPDATE \"TimelineEvents\" SET \"Summary\" = '客户撤诉' WHERE \"Sequence\" = 2 AND \"ComplaintId\" = {await IdOfAsync(seed.Withdrawn)}");

        var run = await RunAsync();

        Assert.Equal((1, 1), (run.Anonymised, run.Failed));
        Assert.Contains($"{seed.Withdrawn}：处理记录第 2 条起与签章不符，须先核查，不能匿名化", run.Failures);
        Assert.False((await _db.LoadAsync(seed.Withdrawn)).IsAnonymised);
        await using var db = _db.NewContext();
        Assert.False(await db.Anonymisations.AnyAsync(a => a.Number == seed.Withdrawn, Ct));
    }

    [Fact]
    public async Task Each_run_is_audited_once_and_a_run_cut_short_is_closed_by_the_next()
    {
        await SeedAsync();
        var now = _db.Time.GetUtcNow();
        await using (var db = _db.NewContext())
        {
            db.RetentionRuns.Add(new RetentionRun
            {
                StartedAt = now.AddHours(-3), UpdatedAt = now.AddHours(-2), Outcome = RetentionRunOutcome.Running, Scheduled = true,
                TriggeredById = "system", TriggeredByName = "系统", Years = 3, Cutoff = now.AddYears(-3), Anonymised = 0,
            });
            await db.SaveChangesAsync(Ct);
        }
        var admin = await _db.StaffAsync("admin");

        var result = await Retention.RunNowAsync(admin, Ct);

        Assert.True(result.Succeeded);
        var history = await Retention.HistoryAsync(ct: Ct);
        Assert.Equal([RetentionRunOutcome.Finished, RetentionRunOutcome.Interrupted], history.Select(r => r.Outcome));
        Assert.Equal(("系统管理员", false), (history[0].TriggeredByName, history[0].Scheduled));
        await using (var db = _db.NewContext())
        {
            var audit = await db.AdminAuditEvents.Where(e => e.Action == RetentionService.AuditAction).OrderBy(e => e.Id).ToListAsync(Ct);
            Assert.Equal(2, audit.Count);
            Assert.Equal(("系统", $"运行 #{history[1].Id}"), (audit[0].ActorName, audit[0].TargetUserName));
            Assert.StartsWith("每日定时任务；保留期限 3 年", audit[0].Detail);
            Assert.Equal(("系统管理员", $"运行 #{history[0].Id}"), (audit[1].ActorName, audit[1].TargetUserName));
            Assert.Matches(@"^管理员手动执行；保留期限 3 年（结束于 \S+ \S+ 及以前）；开始 \S+ \S+，结束 \S+ \S+，已完成；匿名化 2 件，销毁文书原件 1 份，跳过 0 件，失败 0 件$", audit[1].Detail);
        }
        Assert.Contains(_db.Log.Problems, p => p.Level == Microsoft.Extensions.Logging.LogLevel.Warning && p.Message.Contains("did not finish"));
    }

    [Fact]
    public async Task Only_an_admin_may_run_it_by_hand()
    {
        var result = await Retention.RunNowAsync(await _db.StaffAsync("manager"), Ct);

        Assert.Equal(["只有系统管理员可以执行匿名化"], result.Outcome.Reasons);
        Assert.Empty(await Retention.HistoryAsync(ct: Ct));
    }

    [Fact]
    public async Task The_daily_run_is_due_once_per_day_at_its_time_and_caught_up_after_a_missed_one()
    {
        // The test clock starts at 09:30 Beijing time; the run is at 02:30.
        Assert.True(await Retention.ScheduledRunDueAsync(Ct)); // never ran: catch up at start
        await RunAsync();
        Assert.False(await Retention.ScheduledRunDueAsync(Ct));

        var next = Retention.NextSlot(_db.Time.GetUtcNow());
        Assert.Equal("2026-11-24 02:30", PowerService.Domain.Time.ChinaTime.Format(next));
        _db.Time.SetUtcNow(next.AddTicks(-1));
        Assert.False(await Retention.ScheduledRunDueAsync(Ct));
        _db.Time.SetUtcNow(next);
        Assert.True(await Retention.ScheduledRunDueAsync(Ct));
    }

    [Fact]
    public async Task The_hosted_job_runs_at_start_when_the_day_was_missed_and_then_at_each_daily_time()
    {
        var seed = await SeedAsync();
        var job = new RetentionJob(Retention, _db.Time, _db.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetentionJob>>());

        await job.StartAsync(Ct);
        try
        {
            await WaitForRunsAsync(1);
            Assert.True((await _db.LoadAsync(seed.Closed)).IsAnonymised);
            _db.Time.SetUtcNow(Retention.NextSlot(_db.Time.GetUtcNow()));
            await WaitForRunsAsync(2);
        }
        finally
        {
            await job.StopAsync(Ct);
        }

        var history = await Retention.HistoryAsync(ct: Ct);
        Assert.All(history, r => Assert.Equal((true, "系统", RetentionRunOutcome.Finished), (r.Scheduled, r.TriggeredByName, r.Outcome)));
        Assert.Equal([0, 2], history.Select(r => r.Anonymised));
        Assert.Empty(_db.Log.Problems);
    }

    private async Task WaitForRunsAsync(int count)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await Retention.HistoryAsync(ct: Ct)).Count(r => r.Outcome != RetentionRunOutcome.Running) >= count) return;
            await Task.Delay(50, Ct);
        }
        Assert.Fail($"The job did not finish {count} run(s) within 10 seconds");
    }
}

public sealed class RetentionTestsOnSqlite() : RetentionTests(DatabaseProvider.Sqlite);

public sealed class RetentionTestsOnPostgres() : RetentionTests(DatabaseProvider.Postgres);
