using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>
/// Complaints stored before the queue key existed get it from the migration's SQL; the queue
/// seeks along it, so the SQL must compute exactly what the aggregate does, on each provider.
/// </summary>
public abstract class QueueKeyBackfillTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_migration_backfill_computes_the_same_key_and_phone_tail_as_the_aggregate()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var handler = await _db.StaffAsync("handler");
        var numbers = new List<string>();
        foreach (var (urgency, i) in new[] { Urgency.Critical, Urgency.Urgent, Urgency.Normal, Urgency.Normal }.Select((u, i) => (u, i)))
        {
            _db.Time.Advance(TimeSpan.FromMinutes(7.3));
            numbers.Add(await _db.RegisterAsync(agent, ValidIntake() with { Urgency = urgency, Phone = $"1370000{i:D4}" }));
        }
        var dispatched = await _db.LoadAsync(numbers[1]);
        await _db.Complaints.ActAsync(dispatched.Number, dispatched.Revision, agent, null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), ct);
        var withdrawn = await _db.LoadAsync(numbers[2]);
        await _db.Complaints.ActAsync(withdrawn.Number, withdrawn.Revision, agent, null, (c, ctx) => c.Withdraw(new Withdrawal("客户撤回", "电话录音"), ctx), ct);

        await using (var db = _db.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Complaints\" SET \"QueueKey\" = 'x' || \"Number\", \"CustomerPhoneTail\" = ''", ct);
            await db.Database.ExecuteSqlRawAsync(ComplaintIndexes.BackfillSql(provider == DatabaseProvider.Sqlite), ct);
        }

        await using var check = _db.NewContext();
        var stored = await check.Complaints.AsNoTracking()
            .Select(c => new { c.Number, c.QueueKey, Tail = EF.Property<string>(c, ComplaintIndexes.PhoneTail) }).ToListAsync(ct);
        foreach (var number in numbers)
        {
            var complaint = await _db.LoadAsync(number);
            var row = stored.Single(s => s.Number == number);
            Assert.Equal(QueueOrder.KeyOf(complaint.Stage, complaint.Urgency, complaint.NextDueAt, complaint.Number), row.QueueKey);
            Assert.Equal(complaint.Customer.Phone[^4..], row.Tail);
        }
        Assert.Contains(stored, s => s.QueueKey.StartsWith('1')); // the withdrawn one: ended, no running clock
        Assert.Contains(stored, s => s.QueueKey.StartsWith("00")); // open and critical
    }

    [Fact]
    public async Task The_six_digit_migration_rekeys_five_digit_numbers_after_the_days_four_digit_ones_and_leaves_those_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await _db.StaffAsync("agent");
        var four = await _db.RegisterAsync(agent);
        await using (var db = _db.NewContext())
        {
            var day = await db.ComplaintNumberDays.SingleAsync(ct);
            day.Last = 9_999;
            await db.SaveChangesAsync(ct);
        }
        var five = await _db.RegisterAsync(agent, ValidIntake() with { Phone = "13700000009" });
        await using (var db = _db.NewContext())
        {
            // As the earlier code stored it: the number as it is at the key's end.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Complaints\" SET \"QueueKey\" = substr(\"QueueKey\", 1, 12) || \"Number\"", ct);
            await db.Database.ExecuteSqlRawAsync(ComplaintIndexes.RekeyLongNumbersSql(provider == DatabaseProvider.Sqlite), ct);
        }

        await using var check = _db.NewContext();
        foreach (var number in new[] { four, five })
        {
            var complaint = await _db.LoadAsync(number);
            var key = await check.Complaints.Where(c => c.Number == number).Select(c => c.QueueKey).SingleAsync(ct);
            Assert.Equal(QueueOrder.KeyOf(complaint.Stage, complaint.Urgency, complaint.NextDueAt, complaint.Number), key);
        }
        Assert.Equal([four, five], await check.Complaints.OrderBy(c => c.QueueKey).Select(c => c.Number).ToListAsync(ct));
    }
}

public sealed class QueueKeyBackfillTestsOnSqlite() : QueueKeyBackfillTests(DatabaseProvider.Sqlite);

public sealed class QueueKeyBackfillTestsOnPostgres() : QueueKeyBackfillTests(DatabaseProvider.Postgres);
