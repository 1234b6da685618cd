using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Tests.Support;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>
/// A database seeded before the policy sources were worded (codes "§002", "[reg]") gets the words from
/// the PolicySourceWords migration — its rules and the clocks its complaints already run.
/// </summary>
public abstract class PolicySourceMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Rules_and_running_clocks_stored_with_codes_are_reworded_and_nothing_else_changes()
    {
        var ct = TestContext.Current.CancellationToken;
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Channel = Channel.Hotline95598, UpstreamReference = "GD2026112300001" });
        var wordedClocks = (await _db.LoadAsync(number)).Clocks;
        await using (var db = _db.NewContext())
        {
            var custom = new PowerService.Web.Data.SlaRuleRecord { Clock = ClockKind.Handling, Unit = PowerService.Domain.Sla.LimitUnit.WorkingDays, Amount = 5, Source = "§9 本公司自定" };
            db.SlaRules.Add(custom);
            await db.SaveChangesAsync(ct);
        }

        // Back to the database as it was before the migration: the seeded texts as they were stored then.
        await _db.MigrateToBeforeAsync("PolicySourceWords");
        await using (var db = _db.NewContext())
        {
            var sources = await db.SlaRules.Select(r => r.Source).ToListAsync(ct);
            Assert.Contains("§002 一般投诉 24 小时内响应", sources);
            Assert.Contains("[reg] 95598 投诉 4 个工作日内处理答复", sources);
        }
        // Read as text: the aggregate's current mapping has columns later migrations add.
        await using (var db = _db.NewContext())
            Assert.Contains("\"Rule\":\"[reg] 95598 投诉 4 个工作日内处理答复\"", await db.Database.SqlQuery<string>($"SELECT \"Clocks\" AS \"Value\" FROM \"Complaints\" WHERE \"Number\" = {number}").SingleAsync(ct));

        await using (var db = _db.NewContext())
        {
            await db.Database.MigrateAsync(ct);
            await PowerService.Web.Data.LegacyTimelineSealing.SealAsync(db, ct); // as the app's start-up does
        }

        await using (var db = _db.NewContext())
        {
            var sources = await db.SlaRules.Select(r => r.Source).ToListAsync(ct);
            Assert.Equal(SlaPolicy.Default.Rules.Select(r => r.Source).Append("§9 本公司自定").Order(), sources.Order());
        }
        var clocks = (await _db.LoadAsync(number)).Clocks;
        Assert.Equal(wordedClocks, clocks);
        Assert.Contains("国家电网95598服务规范：投诉 4 个工作日内处理答复", clocks.Select(c => c.Rule));
        Assert.DoesNotContain(clocks, c => c.Rule!.Contains('§') || c.Rule.Contains("[reg]"));
    }
}

public sealed class PolicySourceMigrationTestsOnSqlite() : PolicySourceMigrationTests(DatabaseProvider.Sqlite);

public sealed class PolicySourceMigrationTestsOnPostgres() : PolicySourceMigrationTests(DatabaseProvider.Postgres);
