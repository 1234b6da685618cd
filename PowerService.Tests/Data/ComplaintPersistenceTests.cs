using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>Complaints on a real SQLite file, through the service the pages use.</summary>
public abstract class ComplaintPersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Migrations_create_the_schema_and_sqlite_connections_run_in_wal_mode()
    {
        await using var db = _db.NewContext();

        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        if (_db.Provider == DatabaseProvider.Postgres)
        {
            Assert.True(db.Database.IsNpgsql());
            return;
        }
        Assert.Contains("InitialLoop", string.Join(",", await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)));
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode"));
        Assert.Equal("5000", await Scalar(db, "PRAGMA busy_timeout"));
        Assert.True(File.Exists(_db.FilePath));
    }

    [Fact]
    public async Task A_complaint_carried_through_the_whole_loop_reads_back_exactly()
    {
        var handler = await _db.StaffAsync("handler");
        var manager = await _db.StaffAsync("manager");
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));

        await Act(number, await _db.StaffAsync("agent"), (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx));
        await Act(number, handler, (c, ctx) => c.Investigate(Findings, ctx), note: "已调取停电计划单");
        await Act(number, handler, (c, ctx) => c.Resolve(Resolution(Start.AddHours(20)), ctx));
        _db.Time.Advance(TimeSpan.FromHours(20));
        await Act(number, handler, (c, ctx) => c.Revisit(Dissatisfied, ctx));
        await Act(number, handler, (c, ctx) => c.Resolve(Resolution(Start.AddHours(30)), ctx));
        await Act(number, handler, (c, ctx) => c.Revisit(Satisfied, ctx));
        _db.Time.Advance(TimeSpan.FromDays(7));
        await Act(number, handler, (c, ctx) => c.Revisit(Satisfied, ctx));
        await Act(number, manager, (c, ctx) => c.Improve(Plan, ctx));

        var c = await _db.LoadAsync(number);
        Assert.Equal(Stage.Closed, c.Stage);
        Assert.Equal("张建国", c.Customer.Name);
        Assert.Equal("13812348000", c.Customer.Phone);
        Assert.Equal("王芳", c.FirstResponder.DisplayName);
        Assert.Equal(handler.Actor, c.Owner);
        Assert.Equal(Findings, c.Investigation);
        Assert.Equal(35.60m, c.Resolution!.Compensation!.Amount);
        Assert.Equal(1, c.ReopenCount);
        Assert.Equal([RevisitRound.First, RevisitRound.First, RevisitRound.Second], c.Revisits.Select(r => r.Round));
        Assert.Equal(Satisfaction.Dissatisfied, c.Revisits[0].Record.Satisfaction);
        Assert.Equal(new DateOnly(2026, 12, 31), c.Improvement!.Actions.Single().DueDate);
        Assert.Equal(9, c.Timeline.Count);
        Assert.Equal(9, c.Revision);
        Assert.Equal("已调取停电计划单", c.Timeline.Single(e => e.Trigger == LoopTrigger.Investigate).Note);
        Assert.Equal(TimeSpan.Zero, c.Timeline[0].At.Offset);
    }

    [Fact]
    public async Task A_step_taken_on_a_version_someone_else_has_changed_is_refused_and_both_records_survive()
    {
        var handler = await _db.StaffAsync("handler");
        var manager = await _db.StaffAsync("manager");
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        var seenByBoth = (await _db.LoadAsync(number)).Revision;

        var first = await _db.Complaints.ActAsync(number, seenByBoth, await _db.StaffAsync("agent"), null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), TestContext.Current.CancellationToken);
        var second = await _db.Complaints.ActAsync(number, seenByBoth, manager, null, (c, ctx) => c.AddNote(new ProgressNote("客户再次来电催办"), ctx), TestContext.Current.CancellationToken);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.True(second.Conflict);
        Assert.StartsWith("该投诉已被王芳于 2026-11-23 09:30 修改（受理派单，当前阶段：调查分析）", Assert.Single(second.Result.Reasons));
        var c = await _db.LoadAsync(number);
        Assert.Equal([null, LoopTrigger.Dispatch], c.Timeline.Select(e => e.Trigger));

        var retried = await _db.Complaints.ActAsync(number, c.Revision, manager, null, (c2, ctx) => c2.AddNote(new ProgressNote("客户再次来电催办"), ctx), TestContext.Current.CancellationToken);
        Assert.True(retried.Succeeded);
        Assert.Equal([null, LoopTrigger.Dispatch, LoopTrigger.AddNote], (await _db.LoadAsync(number)).Timeline.Select(e => e.Trigger));
    }

    [Fact]
    public async Task Two_contexts_saving_the_same_revision_collide_on_the_concurrency_token()
    {
        var handler = await _db.StaffAsync("handler");
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        await using var one = _db.NewContext();
        await using var two = _db.NewContext();
        var a = await one.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Number == number, TestContext.Current.CancellationToken);
        var b = await two.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Number == number, TestContext.Current.CancellationToken);

        Assert.True(a.AddNote(new ProgressNote("甲的进度"), At(Start, handler.Actor)).Succeeded);
        Assert.True(b.AddNote(new ProgressNote("乙的进度"), At(Start, handler.Actor)).Succeeded);
        await one.SaveChangesAsync(TestContext.Current.CancellationToken);

        // SQLite trips the concurrency token; PostgreSQL inserts the timeline row first and trips its
        // unique (complaint, sequence) key. Either way the second save is refused whole.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => two.SaveChangesAsync(TestContext.Current.CancellationToken));
        var saved = await _db.LoadAsync(number);
        Assert.Equal("甲的进度", saved.Timeline[^1].Summary);
        Assert.Equal(2, saved.Timeline.Count);
    }

    [Fact]
    public async Task Two_instances_acting_at_once_on_one_complaint_give_one_success_and_one_clear_conflict()
    {
        var colleague = await _db.StaffAsync("agent2");
        var manager = await _db.StaffAsync("manager");
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        var seen = (await _db.LoadAsync(number)).Revision;
        await using var other = _db.OpenAnotherInstance();
        var otherService = other.GetRequiredService<ComplaintService>();

        var outcomes = await Task.WhenAll(
            Task.Run(() => _db.Complaints.ActAsync(number, seen, colleague, null, (c, ctx) => c.AddNote(new ProgressNote("甲：已联系客户"), ctx))),
            Task.Run(() => otherService.ActAsync(number, seen, manager, null, (c, ctx) => c.AddNote(new ProgressNote("乙：经理督办"), ctx))));

        Assert.Single(outcomes, o => o.Succeeded);
        var loser = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.True(loser.Conflict);
        Assert.Contains("您填写的内容仍保留", Assert.Single(loser.Result.Reasons));
        Assert.StartsWith("该投诉已被", loser.Result.Reasons.Single()); // names who changed it and when
        Assert.Equal(2, (await _db.LoadAsync(number)).Timeline.Count);
    }

    [Fact]
    public async Task Timeline_events_cannot_be_edited_or_deleted()
    {
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        await using var db = _db.NewContext();
        var e = await db.TimelineEvents.FirstAsync(TestContext.Current.CancellationToken);

        db.Entry(e).Property(x => x.Summary).CurrentValue = "篡改";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.TimelineEvents.Remove(await db.TimelineEvents.FirstAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Single((await _db.LoadAsync(number)).Timeline);
    }

    [Fact]
    public async Task The_same_intake_submitted_twice_creates_one_complaint()
    {
        var agent = await _db.StaffAsync("agent");
        var token = Guid.NewGuid();

        var first = await _db.Complaints.RegisterAsync(ValidIntake(), token, agent, TestContext.Current.CancellationToken);
        var again = await _db.Complaints.RegisterAsync(ValidIntake(), token, agent, TestContext.Current.CancellationToken);

        Assert.Equal(first.Value, again.Value);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Complaints.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Numbers_follow_the_china_date_and_count_up_within_the_day()
    {
        var agent = await _db.StaffAsync("agent");

        var numbers = new[] { await _db.RegisterAsync(agent), await _db.RegisterAsync(agent) };
        _db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero)); // 00:30 on the 24th in Beijing
        var nextDay = await _db.RegisterAsync(agent, ValidIntake() with { ReceivedAt = _db.Time.GetUtcNow().AddMinutes(-5) });

        Assert.Equal(["TS202611230001", "TS202611230002"], numbers);
        Assert.Equal("TS202611240001", nextDay);
    }

    [Fact]
    public async Task A_day_past_99999_complaints_goes_on_with_six_digit_numbers_found_by_number_and_in_queue_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        await using (var db = _db.NewContext())
        {
            db.ComplaintNumberDays.Add(new ComplaintNumberDay { Day = "20261123", Last = 99_998 });
            await db.SaveChangesAsync(ct);
        }

        var last5 = await _db.RegisterAsync(agent);
        var first6 = await _db.RegisterAsync(agent);

        Assert.Equal(("TS2026112399999", "TS20261123100000"), (last5, first6));
        Assert.NotNull(await _db.Complaints.FindAsync(first6, ct));
        await using var check = _db.NewContext();
        var keys = await check.Complaints.OrderBy(c => c.QueueKey).Select(c => c.Number).ToListAsync(ct);
        Assert.Equal([last5, first6], keys);
    }

    [Fact]
    public async Task A_day_past_9999_complaints_goes_on_with_five_digit_numbers_and_a_refused_registration_uses_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        await using (var db = _db.NewContext())
        {
            db.ComplaintNumberDays.Add(new ComplaintNumberDay { Day = "20261123", Last = 9_998 });
            await db.SaveChangesAsync(ct);
        }

        var last4 = await _db.RegisterAsync(agent);
        var refused = await _db.Complaints.RegisterAsync(ValidIntake() with { Phone = "138" }, Guid.NewGuid(), agent, ct);
        var first5 = await _db.RegisterAsync(agent);

        Assert.False(refused.Succeeded);
        Assert.Equal(("TS202611239999", "TS2026112310000"), (last4, first5));
        Assert.True(ComplaintNumber.TryParse(first5, out _));
        Assert.NotNull(await _db.Complaints.FindAsync(first5, ct));
    }

    [Fact]
    public async Task Numbering_continues_a_day_whose_complaints_were_stored_before_it_kept_count()
    {
        var agent = await _db.StaffAsync("agent");
        var first = await _db.RegisterAsync(agent);
        await using (var db = _db.NewContext())
            await db.ComplaintNumberDays.ExecuteDeleteAsync(TestContext.Current.CancellationToken); // as before the upgrade

        Assert.Equal(("TS202611230001", "TS202611230002"), (first, await _db.RegisterAsync(agent)));
    }

    [Fact]
    public async Task A_refused_registration_or_step_stores_nothing()
    {
        var agent = await _db.StaffAsync("agent");
        var refused = await _db.Complaints.RegisterAsync(ValidIntake() with { Phone = "138", Content = new string('停', 10_000) }, Guid.NewGuid(), agent, TestContext.Current.CancellationToken);
        Assert.False(refused.Succeeded);
        Assert.Equal(["Phone", "Content"], refused.Errors.Select(e => e.Field));

        var number = await _db.RegisterAsync(agent);
        var handler = await _db.StaffAsync("handler");
        var step = await _db.Complaints.ActAsync(number, 1, agent, "<script>x</script>", (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), TestContext.Current.CancellationToken);

        Assert.False(step.Succeeded);
        var c = await _db.LoadAsync(number);
        Assert.Equal((Stage.Intake, 1, 1), (c.Stage, c.Revision, c.Timeline.Count));
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Complaints.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Merging_needs_an_open_main_complaint()
    {
        var agent = await _db.StaffAsync("agent");
        var handler = await _db.StaffAsync("manager"); // at intake the complaint is the service centre's: its manager merges
        var main = await _db.RegisterAsync(agent);
        var duplicate = await _db.RegisterAsync(agent);

        var revision = (await _db.LoadAsync(duplicate)).Revision; // 2: registered, then escalated as a repeat
        var missing = await _db.Complaints.MergeAsync(duplicate, revision, handler, new MergeRequest("TS202601010001", "重复"), null, TestContext.Current.CancellationToken);
        Assert.Equal("未找到投诉 TS202601010001", Assert.Single(missing.Result.Reasons));

        var merged = await _db.Complaints.MergeAsync(duplicate, revision, handler, new MergeRequest(main, "同一停电事件重复来电"), null, TestContext.Current.CancellationToken);
        Assert.True(merged.Succeeded);
        var c = await _db.LoadAsync(duplicate);
        Assert.Equal((Stage.Merged, main), (c.Stage, c.MergedInto));

        var intoEnded = await _db.Complaints.MergeAsync(main, 1, handler, new MergeRequest(duplicate, "重复"), null, TestContext.Current.CancellationToken);
        Assert.Equal($"投诉 {duplicate} 当前为“已合并”，不能并入", Assert.Single(intoEnded.Result.Reasons));
    }

    [Fact]
    public async Task A_second_complaint_by_the_same_customer_within_30_days_is_escalated_as_a_repeat()
    {
        var agent = await _db.StaffAsync("agent");
        var first = await _db.RegisterAsync(agent);
        _db.Time.Advance(TimeSpan.FromDays(29));
        var repeat = await _db.RegisterAsync(agent, ValidIntake() with { Phone = "13900000000", AccountNumber = "3300123456", ReceivedAt = _db.Time.GetUtcNow() });
        _db.Time.Advance(TimeSpan.FromDays(31));
        var later = await _db.RegisterAsync(agent, ValidIntake() with { ReceivedAt = _db.Time.GetUtcNow() });

        var c = await _db.LoadAsync(repeat);
        Assert.Equal(PowerService.Domain.Sla.EscalationLevel.Department, c.Escalation);
        Assert.Equal($"升级至部门级：同一客户 30 天内重复投诉（前次 {first}）", c.Timeline[^1].Summary);
        Assert.Equal(PowerService.Domain.Sla.EscalationLevel.Team, (await _db.LoadAsync(later)).Escalation);
    }

    [Fact]
    public async Task Clocks_are_stored_with_their_limits_and_the_queue_sorts_by_the_nearest_deadline()
    {
        var agent = await _db.StaffAsync("agent");
        var normal = await _db.RegisterAsync(agent, ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null, Phone = "13900000001" });
        var billing = await _db.RegisterAsync(agent, ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null, Phone = "13900000002", Category = Category.Billing, SubCategory = "电费突增" });

        var stored = await _db.LoadAsync(billing);
        Assert.Equal(PowerService.Domain.Sla.TimeLimit.WorkingDays(3), stored.Clocks.Single(k => k.Kind == PowerService.Domain.Sla.ClockKind.Handling).Limit);
        // NextDueAt is a column (SQLite keeps 0.1 ms, PostgreSQL 1 µs); the clocks are JSON (100 ns): compare at the column's precision.
        Assert.Equal(stored.Clocks.Min(k => k.DueAt), stored.NextDueAt!.Value, TimeSpan.FromMilliseconds(1));

        var manager = await _db.StaffAsync("manager");
        _db.Time.Advance(TimeSpan.FromHours(3)); // past the 2-hour customer-contact limit of both
        var overdue = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Due: DueFilter.Overdue), manager, TestContext.Current.CancellationToken);
        Assert.Equal(2, overdue.Total);
        Assert.Equal([normal, billing], overdue.Rows.Select(r => r.Number));
        Assert.Equal(PowerService.Domain.Sla.ClockKind.CustomerContact, overdue.Rows[0].NextClock!.Kind);
    }

    private async Task Act(string number, PowerService.Web.Features.Shared.StaffUser by, Func<Complaint, StepContext, StepResult> step, string? note = null)
    {
        var revision = (await _db.LoadAsync(number)).Revision;
        var outcome = await _db.Complaints.ActAsync(number, revision, by, note, step);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }

    private static async Task<string?> Scalar(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

public sealed class ComplaintPersistenceTestsOnSqlite() : ComplaintPersistenceTests(DatabaseProvider.Sqlite);

public sealed class ComplaintPersistenceTestsOnPostgres() : ComplaintPersistenceTests(DatabaseProvider.Postgres);
