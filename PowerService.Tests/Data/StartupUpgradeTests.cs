using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>A database from before this release, started with this one: its data is upgraded once, at start-up, before any request.</summary>
public abstract class StartupUpgradeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Start_up_after_the_upgrade_seals_the_timelines_and_learns_how_old_clocks_ended()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = await _db.StaffAsync("handler");
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        async Task Act(Func<Complaint, PowerService.Domain.Complaints.Steps.StepContext, StepResult> step, StaffUser? by = null) =>
            Assert.True((await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, by ?? handler, null, step, ct)).Succeeded);
        await Act((c, ctx) => c.Dispatch(new PowerService.Domain.Complaints.Steps.DispatchOrder(handler.Actor, "城区供电所"), ctx), await _db.StaffAsync("agent"));
        await Act((c, ctx) => c.Investigate(Findings, ctx));
        await Act((c, ctx) => c.Resolve(Resolution(Start.AddHours(20)), ctx));
        await Act((c, ctx) => c.Revisit(Dissatisfied, ctx)); // re-opened: this round's second revisit is superseded
        var before = (await _db.LoadAsync(number)).Clocks;

        await _db.MigrateToBeforeAsync("ClockIds");
        await using (var db = _db.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? "UPDATE Complaints SET Clocks = (SELECT json_group_array(json_remove(json_remove(j.value, '$.Id'), '$.EndedAs')) FROM json_each(Complaints.Clocks) AS j)"
                : "UPDATE \"Complaints\" AS c SET \"Clocks\" = (SELECT json_agg((e.value::jsonb - 'Id' - 'EndedAs') ORDER BY e.ord)::text FROM json_array_elements(c.\"Clocks\"::json) WITH ORDINALITY AS e(value, ord))", ct);
        }

        await _db.Services.PrepareDatabaseAsync(new ConfigurationBuilder().Build());

        var after = await _db.LoadAsync(number);
        Assert.Null(after.FirstTamperedEvent);
        Assert.Equal(before.Select(c => (c.Id, c.Kind, c.EndedAs)), after.Clocks.Select(c => (c.Id, c.Kind, c.EndedAs)));
        Assert.Contains(after.Clocks, c => c.Kind == ClockKind.SecondRevisit && c.EndedAs == ClockEnd.Superseded);
    }
}

public sealed class StartupUpgradeTestsOnSqlite() : StartupUpgradeTests(DatabaseProvider.Sqlite);

public sealed class StartupUpgradeTestsOnPostgres() : StartupUpgradeTests(DatabaseProvider.Postgres);
