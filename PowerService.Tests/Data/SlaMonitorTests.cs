using Microsoft.EntityFrameworkCore;
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

        await notifications.MarkAllReadAsync(agent, TestContext.Current.CancellationToken);

        Assert.Equal(0, await notifications.UnreadCountAsync(agent, TestContext.Current.CancellationToken));
        Assert.All(await notifications.RecentAsync(agent, ct: TestContext.Current.CancellationToken), n => Assert.True(n.Read));
        Assert.Equal(1, await notifications.UnreadCountAsync(manager, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stopped_clocks_raise_nothing()
    {
        var number = await RegisterAsync();
        var handler = await _db.StaffAsync("handler");
        var c = await _db.LoadAsync(number);
        await _db.Complaints.ActAsync(number, c.Revision, handler, null, (x, ctx) => x.AddNote(new PowerService.Domain.Complaints.Steps.ProgressNote("已联系客户", ContactedCustomer: true), ctx), TestContext.Current.CancellationToken);
        _db.Time.Advance(TimeSpan.FromHours(3));

        await _db.Monitor.ScanAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(await AlertsAsync(), a => a.Item1 is ClockKind.CustomerContact or ClockKind.FirstResponse);
    }
}

public sealed class SlaMonitorTestsOnSqlite() : SlaMonitorTests(DatabaseProvider.Sqlite);

public sealed class SlaMonitorTestsOnPostgres() : SlaMonitorTests(DatabaseProvider.Postgres);
