using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Sla;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Sla;

namespace PowerService.Tests.Data;

/// <summary>The bell at volume: a count that stops at "99+", and 全部标为已读 as one mark, whatever the history.</summary>
public abstract class NotificationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private NotificationService Notifications => _db.Services.GetRequiredService<NotificationService>();

    [Fact]
    public async Task The_unread_count_stops_at_the_badge_limit_and_marking_all_read_leaves_later_alerts_unread()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var handler = await _db.StaffAsync("handler");
        await AddAlertsAsync(NotificationService.CountLimit + 20, owner: agent.Actor.UserId, ct);

        Assert.Equal(NotificationService.CountLimit, await Notifications.UnreadCountAsync(agent, ct));
        Assert.Equal(0, await Notifications.UnreadCountAsync(handler, ct));

        await Notifications.MarkAllReadAsync(agent, ct);
        await AddAlertsAsync(1, owner: agent.Actor.UserId, ct);
        var recent = await Notifications.RecentAsync(agent, ct: ct);

        Assert.Equal(1, await Notifications.UnreadCountAsync(agent, ct));
        Assert.Equal(20, recent.Count);
        Assert.Equal(recent.OrderByDescending(n => n.Id).Select(n => n.Id), recent.Select(n => n.Id));
        Assert.False(recent[0].Read); // the one stored after the mark
        Assert.All(recent.Skip(1), n => Assert.True(n.Read));
    }

    [Fact]
    public async Task An_alert_reaches_a_person_once_however_many_ways_it_concerns_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = await _db.StaffAsync("manager"); // company-level: every department's breaches
        await AddAlertsAsync(3, owner: manager.Actor.UserId, ct, firstResponder: manager.Actor.UserId, level: ClockState.Breached);

        var recent = await Notifications.RecentAsync(manager, ct: ct);

        Assert.Equal(3, recent.Select(n => n.Id).Distinct().Count());
        Assert.Equal(3, recent.Count);
        Assert.Equal(3, await Notifications.UnreadCountAsync(manager, ct));
    }

    private async Task AddAlertsAsync(int count, string owner, CancellationToken ct, string? firstResponder = null, ClockState level = ClockState.Warning)
    {
        await using var db = _db.NewContext();
        var now = _db.Time.GetUtcNow();
        var first = db.SlaAlerts.Count();
        db.SlaAlerts.AddRange(Enumerable.Range(first, count).Select(i => new SlaAlert
        {
            ComplaintId = 100_000 + i, Number = $"TS2026112{i:D5}", ClockId = 1, Clock = ClockKind.Handling, ClockStartedAt = now.AddDays(-2),
            Level = level, DueAt = now.AddHours(-1), CreatedAt = now, OwnerId = owner, FirstResponderId = firstResponder ?? "someone-else", Department = "城区供电所",
        }));
        await db.SaveChangesAsync(ct);
    }
}

public sealed class NotificationTestsOnSqlite() : NotificationTests(DatabaseProvider.Sqlite);

public sealed class NotificationTestsOnPostgres() : NotificationTests(DatabaseProvider.Postgres);
