using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Tests.Support;
using PowerService.Web.Features.Sla;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>The deadline watcher on a real SQLite file: each level once, through rescans, restarts and a second instance.</summary>
public abstract class SlaMonitorTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>A service-hall complaint: its first clock is customer contact, 2 hours from the call at 09:20.</summary>
    private async Task<string> RegisterAsync() =>
        await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null });

    private async Task<List<(ClockKind, ClockState)>> AlertsAsync()
    {
        await using var db = _db.NewContext();
        return (await db.SlaAlerts.OrderBy(a => a.Id).ToListAsync()).Select(a => (a.Clock, a.Level)).ToList();
    }

    [Fact]
    public async Task Warning_critical_and_breach_are_each_recorded_once()
    {
        var number = await RegisterAsync();

        Assert.Equal(0, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
        _db.Time.Advance(TimeSpan.FromMinutes(80)); // the clock started at the call, 09:20: 90 of 120 minutes used, 75 %
        Assert.Equal(1, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
        _db.Time.Advance(TimeSpan.FromMinutes(20)); // 110 of 120: past 90 %
        Assert.Equal(1, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
        _db.Time.Advance(TimeSpan.FromMinutes(15)); // 125 of 120: overdue
        Assert.Equal(1, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));

        Assert.Equal([(ClockKind.CustomerContact, ClockState.Warning), (ClockKind.CustomerContact, ClockState.Critical), (ClockKind.CustomerContact, ClockState.Breached)], await AlertsAsync());
        var c = await _db.LoadAsync(number);
        Assert.Equal(EscalationLevel.Department, c.Escalation);
        var escalation = Assert.Single(c.Timeline, e => e.Trigger == LoopTrigger.Escalate);
        Assert.Equal(("系统", "升级至部门级：“联系客户”时限已超时（截止 2026-11-23 11:20）"), (escalation.ActorName, escalation.Summary));
    }

    [Fact]
    public async Task Levels_passed_while_the_app_was_down_are_all_recorded_after_a_restart_and_none_twice()
    {
        var number = await RegisterAsync();
        _db.Time.Advance(TimeSpan.FromHours(3));

        await using (var restarted = _db.OpenAnotherInstance())
            Assert.Equal(3, await restarted.GetRequiredService<SlaMonitor>().ScanAsync(TestContext.Current.CancellationToken));
        await using (var restartedAgain = _db.OpenAnotherInstance())
            Assert.Equal(0, await restartedAgain.GetRequiredService<SlaMonitor>().ScanAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, (await AlertsAsync()).Count);
        Assert.Single((await _db.LoadAsync(number)).Timeline, e => e.Trigger == LoopTrigger.Escalate);
    }

    [Fact]
    public async Task Two_instances_scanning_the_same_database_at_once_record_each_alert_and_escalation_once()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
            numbers.Add(await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null, Phone = $"1390000000{i}", AccountNumber = null }));
        _db.Time.Advance(TimeSpan.FromHours(3));
        await using var second = _db.OpenAnotherInstance();

        await Task.WhenAll(
            Task.Run(() => _db.Monitor.ScanAsync()),
            Task.Run(() => second.GetRequiredService<SlaMonitor>().ScanAsync()));
        await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken); // whatever a lost race left out is recorded now, once
        await second.GetRequiredService<SlaMonitor>().ScanAsync(TestContext.Current.CancellationToken);

        var alerts = await AlertsAsync();
        Assert.Equal(5 * 3, alerts.Count);
        foreach (var number in numbers)
            Assert.Single((await _db.LoadAsync(number)).Timeline, e => e.Trigger == LoopTrigger.Escalate);
    }

    [Fact]
    public async Task Owners_see_their_alerts_managers_see_breaches_and_reading_clears_the_badge()
    {
        await RegisterAsync();
        _db.Time.Advance(TimeSpan.FromHours(3));
        await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken);
        var notifications = _db.Services.GetRequiredService<NotificationService>();
        var agent = await _db.StaffAsync("agent");     // first responder and owner
        var manager = await _db.StaffAsync("manager");
        var handler = await _db.StaffAsync("handler"); // not involved

        Assert.Equal(3, await notifications.UnreadCountAsync(agent, TestContext.Current.CancellationToken));
        Assert.Equal(1, await notifications.UnreadCountAsync(manager, TestContext.Current.CancellationToken));
        Assert.Equal(0, await notifications.UnreadCountAsync(handler, TestContext.Current.CancellationToken));
        var managersList = await notifications.RecentAsync(manager, ct: TestContext.Current.CancellationToken);
        Assert.Equal((ClockState.Breached, EscalationLevel.Department), (managersList.Single().Level, managersList.Single().EscalatedTo));

        var first = (await notifications.RecentAsync(agent, ct: TestContext.Current.CancellationToken))[0];
        await notifications.MarkReadAsync(agent, first.Id, TestContext.Current.CancellationToken);
        await notifications.MarkReadAsync(handler, first.Id, TestContext.Current.CancellationToken); // not the handler's: nothing happens
        Assert.Equal(2, await notifications.UnreadCountAsync(agent, TestContext.Current.CancellationToken));
        Assert.Equal(1, await notifications.UnreadCountAsync(manager, TestContext.Current.CancellationToken));

        await notifications.MarkAllReadAsync(agent, TestContext.Current.CancellationToken);

        Assert.Equal(0, await notifications.UnreadCountAsync(agent, TestContext.Current.CancellationToken));
        Assert.All(await notifications.RecentAsync(agent, ct: TestContext.Current.CancellationToken), n => Assert.True(n.Read));
        Assert.Equal(1, await notifications.UnreadCountAsync(manager, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stopped_clocks_raise_nothing()
    {
        var number = await RegisterAsync();
        var firstResponder = await _db.StaffAsync("agent");
        var c = await _db.LoadAsync(number);
        Assert.True((await _db.Complaints.ActAsync(number, c.Revision, firstResponder, null,
            (x, ctx) => x.AddNote(new PowerService.Domain.Complaints.Steps.ProgressNote("已联系客户", ContactedCustomer: true), ctx), TestContext.Current.CancellationToken)).Succeeded);
        _db.Time.Advance(TimeSpan.FromHours(3));

        await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(await AlertsAsync(), a => a.Item1 is ClockKind.CustomerContact or ClockKind.FirstResponse);
    }

    [Fact]
    public async Task A_clock_started_at_a_sub_millisecond_instant_is_recognised_after_a_restart_and_its_next_level_recorded()
    {
        var number = await RegisterAsync();
        Assert.NotEqual(0, (await _db.LoadAsync(number)).Clocks[0].StartedAt.Ticks % TimeSpan.TicksPerMillisecond);
        _db.Time.Advance(TimeSpan.FromMinutes(80));
        Assert.Equal(1, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken)); // warning

        await using (var restarted = _db.OpenAnotherInstance())
        {
            var monitor = restarted.GetRequiredService<SlaMonitor>();
            Assert.Equal(0, await monitor.ScanAsync(TestContext.Current.CancellationToken));
            _db.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(1, await monitor.ScanAsync(TestContext.Current.CancellationToken)); // critical, not lost behind the warning
            Assert.Equal(0, await monitor.ScanAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal([(ClockKind.CustomerContact, ClockState.Warning), (ClockKind.CustomerContact, ClockState.Critical)], await AlertsAsync());
        Assert.Empty(_db.Log.Problems);
    }

    [Fact]
    public async Task An_alert_that_cannot_be_stored_takes_no_other_alert_or_escalation_with_it()
    {
        var number = await RegisterAsync();
        await RefuseWarningsOfAsync(number);
        _db.Time.Advance(TimeSpan.FromHours(3)); // all three levels due at once

        Assert.Equal(2, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));

        Assert.Equal([(ClockKind.CustomerContact, ClockState.Critical), (ClockKind.CustomerContact, ClockState.Breached)], await AlertsAsync());
        Assert.Equal(EscalationLevel.Department, (await _db.LoadAsync(number)).Escalation);
    }

    [Fact]
    public async Task A_failure_that_repeats_is_logged_once_with_a_count_and_its_recovery_once()
    {
        var number = await RegisterAsync();
        await RefuseWarningsOfAsync(number);
        _db.Time.Advance(TimeSpan.FromMinutes(80)); // warning due

        for (var scan = 0; scan < 5; scan++)
        {
            Assert.Equal(0, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
            _db.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var error = Assert.Single(_db.Log.Problems);
        Assert.Contains(number, error.Message);
        Assert.Equal(5, Assert.Single(_db.Monitor.Failing).Value);

        await AllowWarningsAsync();
        Assert.Equal(1, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));
        Assert.Empty(_db.Monitor.Failing);
        Assert.Contains(_db.Log.Entries, e => e.Message.Contains("succeeded again after 5 failed attempts"));
        Assert.Single(_db.Log.Problems);
    }

    [Fact]
    public async Task Alerts_recorded_before_clocks_had_ids_are_recognised_after_the_upgrade()
    {
        var first = await RegisterAsync();
        var second = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null, Phone = "13900000009", AccountNumber = null });
        _db.Time.Advance(TimeSpan.FromMinutes(100)); // 110 of 120 minutes since the call: warning and critical of both
        Assert.Equal(4, await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken));

        await DowngradeToBeforeClockIdsAsync();
        await using (var db = _db.NewContext())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            await PowerService.Web.Data.LegacyTimelineSealing.SealAsync(db, TestContext.Current.CancellationToken); // as the app's start-up does
        }

        await using (var db = _db.NewContext())
        {
            var alerts = await db.SlaAlerts.OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
            foreach (var alert in alerts)
            {
                var clock = (await _db.LoadAsync(alert.Number)).Clocks.Single(c => c.Id == alert.ClockId);
                Assert.Equal(alert.Clock, clock.Kind);
            }
        }
        var clocks = (await _db.LoadAsync(first)).Clocks;
        Assert.Equal(Enumerable.Range(1, clocks.Count), clocks.Select(c => c.Id));

        await using var upgraded = _db.OpenAnotherInstance();
        var monitor = upgraded.GetRequiredService<SlaMonitor>();
        Assert.Equal(0, await monitor.ScanAsync(TestContext.Current.CancellationToken));
        _db.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(2, await monitor.ScanAsync(TestContext.Current.CancellationToken)); // both breaches, once
        Assert.Equal(6, (await AlertsAsync()).Count);
        Assert.Single((await _db.LoadAsync(second)).Timeline, e => e.Trigger == LoopTrigger.Escalate);
        // The downgrade itself warns (SQLite rebuilds a table to drop a column); nothing else may.
        Assert.DoesNotContain(_db.Log.Problems, p => !p.Message.Contains("PRAGMA foreign_keys"));
    }

    /// <summary>Makes the database refuse to store warnings of one complaint, as a broken row or a full disk would.</summary>
    private Task RefuseWarningsOfAsync(string number) => ExecuteAsync(provider == DatabaseProvider.Sqlite
        ? $"CREATE TRIGGER refuse_warnings BEFORE INSERT ON SlaAlerts WHEN NEW.Number = '{number}' AND NEW.Level = 'Warning' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;"
        : $$"""
           CREATE FUNCTION refuse_warnings() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$ LANGUAGE plpgsql;
           CREATE TRIGGER refuse_warnings BEFORE INSERT ON "SlaAlerts" FOR EACH ROW WHEN (NEW."Number" = '{{number}}' AND NEW."Level" = 'Warning') EXECUTE FUNCTION refuse_warnings();
           """);

    private Task AllowWarningsAsync() => ExecuteAsync(provider == DatabaseProvider.Sqlite
        ? "DROP TRIGGER refuse_warnings;"
        : "DROP TRIGGER refuse_warnings ON \"SlaAlerts\";");

    [Fact]
    public async Task A_scan_reads_only_the_complaints_due_a_look()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await RegisterAsync();
        _db.Time.Advance(TimeSpan.FromMinutes(30)); // the other two customers called at 09:50
        var later = ValidIntake() with { Channel = Channel.ServiceHall, UpstreamReference = null, ReceivedAt = _db.Time.GetUtcNow().AddMinutes(-10) };
        var second = await _db.RegisterAsync(await _db.StaffAsync("agent"), later);
        await _db.RegisterAsync(await _db.StaffAsync("agent"), later with { Phone = "13900000001", AccountNumber = null });

        Assert.Equal(0, await _db.Monitor.ScanAsync(ct));
        Assert.Equal(3, _db.Monitor.LastExamined); // each registration asks for a first look
        Assert.Equal(0, await _db.Monitor.ScanAsync(ct));
        Assert.Equal(0, _db.Monitor.LastExamined); // nothing is due: nothing is read

        _db.Time.Advance(TimeSpan.FromMinutes(50)); // the first one's contact clock passes 75 % (10:50)
        Assert.Equal(1, await _db.Monitor.ScanAsync(ct));
        Assert.Equal(1, _db.Monitor.LastExamined);

        var seen = await _db.LoadAsync(second);
        Assert.True((await _db.Complaints.ActAsync(second, seen.Revision, await _db.StaffAsync("agent"), null,
            (c, ctx) => c.AddNote(new PowerService.Domain.Complaints.Steps.ProgressNote("已联系客户", ContactedCustomer: true), ctx), ct)).Succeeded);
        Assert.Equal(0, await _db.Monitor.ScanAsync(ct));
        Assert.Equal(1, _db.Monitor.LastExamined); // the step asked for a look at its new clocks

        _db.Time.Advance(TimeSpan.FromMinutes(20)); // first: past 90 %; the others: 70 of 120 minutes
        Assert.Equal(1, await _db.Monitor.ScanAsync(ct));
        Assert.Equal(1, _db.Monitor.LastExamined);
        Assert.Equal([(ClockKind.CustomerContact, ClockState.Warning), (ClockKind.CustomerContact, ClockState.Critical)],
            (await AlertsAsync()).Where(a => a.Item1 == ClockKind.CustomerContact).ToList());
        Assert.NotNull((await _db.LoadAsync(first)).AlertCheckAt);
    }

    [Fact]
    public async Task After_the_upgrade_every_open_complaint_is_looked_at_once_then_only_when_due()
    {
        var ct = TestContext.Current.CancellationToken;
        var open = await RegisterAsync();
        var withdrawn = await RegisterAsync();
        Assert.True((await _db.Complaints.ActAsync(withdrawn, (await _db.LoadAsync(withdrawn)).Revision, await _db.StaffAsync("agent"), null,
            (c, ctx) => c.Withdraw(new PowerService.Domain.Complaints.Steps.Withdrawal("客户撤回", "电话录音"), ctx), ct)).Succeeded);
        await _db.MigrateToBeforeAsync("AlertCheckAt");
        await using (var db = _db.NewContext()) await db.Database.MigrateAsync(ct);

        Assert.NotNull((await _db.LoadAsync(open)).AlertCheckAt);
        Assert.Null((await _db.LoadAsync(withdrawn)).AlertCheckAt);
        await _db.Monitor.ScanAsync(ct);
        Assert.Equal(1, _db.Monitor.LastExamined);
        await _db.Monitor.ScanAsync(ct);
        Assert.Equal(0, _db.Monitor.LastExamined);
    }

    /// <summary>Goes back to the schema before clocks had ids and removes the ids, as a database of that time was.</summary>
    private async Task DowngradeToBeforeClockIdsAsync()
    {
        await _db.MigrateToBeforeAsync("ClockIds");
        await ExecuteAsync(provider == DatabaseProvider.Sqlite
            ? "UPDATE Complaints SET Clocks = (SELECT json_group_array(json_remove(j.value, '$.Id')) FROM json_each(Complaints.Clocks) AS j) WHERE json_array_length(Clocks) > 0;"
            : "UPDATE \"Complaints\" AS c SET \"Clocks\" = (SELECT json_agg(e.value::jsonb - 'Id' ORDER BY e.ord)::text FROM json_array_elements(c.\"Clocks\"::json) WITH ORDINALITY AS e(value, ord)) WHERE json_array_length(c.\"Clocks\"::json) > 0;");
        await using var check = _db.NewContext();
        Assert.DoesNotContain("\"Id\"", await check.Database.SqlQueryRaw<string>(provider == DatabaseProvider.Sqlite ? "SELECT Clocks AS Value FROM Complaints" : "SELECT \"Clocks\" AS \"Value\" FROM \"Complaints\"").OrderBy(v => v).FirstAsync(TestContext.Current.CancellationToken));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = _db.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }
}

public sealed class SlaMonitorTestsOnSqlite() : SlaMonitorTests(DatabaseProvider.Sqlite);

public sealed class SlaMonitorTestsOnPostgres() : SlaMonitorTests(DatabaseProvider.Postgres);
