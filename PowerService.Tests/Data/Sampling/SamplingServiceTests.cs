using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sampling;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Domain.Sampling;
using PowerService.Tests.Support;
using PowerService.Web.Features.Sampling;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Sampling;

/// <summary>Revisit sampling through the service the page and the job use, on both databases: drawing once, recording once, the race, the follow-ups.</summary>
public abstract class SamplingServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private StaffUser _agent = null!, _handler = null!, _handler3 = null!, _manager = null!, _manager2 = null!, _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        (_agent, _handler, _handler3) = (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"), await _db.StaffAsync("handler3"));
        (_manager, _manager2, _admin) = (await _db.StaffAsync("manager"), await _db.StaffAsync("manager2"), await _db.StaffAsync("admin"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SamplingService Sampling => _db.Services.GetRequiredService<SamplingService>();

    /// <summary>Closes <paramref name="count"/> complaints of 运维检修部 (周杰) together: all close at the same instant, in one week.</summary>
    private Task<List<string>> ClosedThisWeekAsync(int count, Channel channel = Channel.Hotline95598) =>
        Scenarios.ClosedTogetherAsync(_db.Complaints, _db.Time, _agent, _handler3, count, channel);

    /// <summary>To the Monday after the week the complaints closed in: its sample is due.</summary>
    private SamplingPeriod NextWeek()
    {
        var week = SamplingPeriod.Containing(SamplingLevel.TeamWeekly, ChinaTime.ChinaDate(_db.Time.GetUtcNow()));
        _db.Time.SetUtcNow(week.To.AddHours(2));
        return week;
    }

    [Fact]
    public async Task The_job_draws_each_ended_period_once_and_a_restart_or_second_instance_draws_nothing_more()
    {
        var closed = await ClosedThisWeekAsync(11);
        var week = NextWeek();

        var drawn = await Sampling.DrawDueAsync(Ct);
        await using var other = _db.OpenAnotherInstance();
        Assert.Equal(0, await other.GetRequiredService<SamplingService>().DrawDueAsync(Ct));
        Assert.Equal(0, await Sampling.DrawDueAsync(Ct));

        await using var db = _db.NewContext();
        var batches = await db.SampleBatches.AsNoTracking().Include(b => b.Items).ToListAsync(Ct);
        Assert.Equal(drawn, batches.Count);
        var field = batches.Single(b => b.Level == SamplingLevel.TeamWeekly && b.Department == "运维检修部");
        Assert.Equal((week.Slug, 11, 2), (field.Period, field.Population, field.Items.Count)); // 10 % of 11, rounded up
        Assert.All(field.Items, i => Assert.Contains(i.ComplaintNumber, closed));
        Assert.Equal(SampleDraw.Draw(week, "运维检修部", await SamplingService.PopulationAsync(db, week, "运维检修部", Ct)).Select(d => d.Case.Number),
            field.Items.OrderBy(i => i.Id).Select(i => i.ComplaintNumber));
        Assert.Contains(_db.Log.Entries, e => e.Message.Contains($"Drew the TeamWeekly revisit sample of {week.Slug} for 运维检修部: 2 of 11"));
        Assert.Equal(1, batches.Count(b => b.Level == SamplingLevel.ThirdPartyQuarterly));
        Assert.Empty(_db.Log.Problems);
    }

    [Fact]
    public async Task A_manager_draws_by_hand_for_their_department_and_drawing_again_returns_the_same_batch()
    {
        await ClosedThisWeekAsync(3);
        var week = NextWeek();

        var first = await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);
        var again = await Sampling.DrawAsync(_manager, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);

        Assert.True(first.Succeeded, first.Refusal);
        Assert.Equal((false, 3, 1), (first.AlreadyDrawn, first.Batch!.Population, first.Batch.Sampled));
        Assert.Equal((true, first.Batch.Id), (again.AlreadyDrawn, again.Batch!.Id));
        Assert.Equal("您只能抽取本部门（运维检修部）的样本", (await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, week.Slug, "城区供电所", Ct)).Refusal);
        Assert.Equal("只有管理人员可以抽取样本", (await Sampling.DrawAsync(_handler3, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct)).Refusal);
        var current = SamplingPeriod.Containing(SamplingLevel.TeamWeekly, ChinaTime.ChinaDate(_db.Time.GetUtcNow()));
        Assert.EndsWith("尚未结束，结束后才能抽取样本", (await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, current.Slug, "运维检修部", Ct)).Refusal);
        Assert.Equal("请选择抽样期间", (await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, "2026-13", "运维检修部", Ct)).Refusal);
    }

    [Fact]
    public async Task Queues_show_each_level_to_those_it_belongs_to_with_the_customer_masked()
    {
        await ClosedThisWeekAsync(2, Channel.Media);
        var week = NextWeek();
        await Sampling.DrawAsync(_manager, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);

        var row = Assert.Single(await Sampling.QueueAsync(_manager2, SamplingLevel.TeamWeekly, Ct));
        Assert.Equal(("周杰", "张**", "138****8000"), (row.Handler, row.MaskedCustomer.Name, row.MaskedCustomer.Phone));
        Assert.Equal(week, row.Period);
        Assert.Single(await Sampling.QueueAsync(_manager, SamplingLevel.TeamWeekly, Ct));
        Assert.Empty(await Sampling.QueueAsync(_handler3, SamplingLevel.TeamWeekly, Ct));
        Assert.Empty(await Sampling.QueueAsync(_admin, SamplingLevel.TeamWeekly, Ct));
        var batch = Assert.Single(await Sampling.BatchesAsync(_manager2, SamplingLevel.TeamWeekly, ct: Ct));
        Assert.Equal((2, 1, 0), (batch.Population, batch.Sampled, batch.Recorded));
        Assert.Equal(["运维检修部"], await Sampling.DepartmentsAsync(_manager2, Ct));
    }

    [Fact]
    public async Task A_result_is_recorded_once_and_a_problem_found_is_followed_up_until_confirmed_fixed()
    {
        await ClosedThisWeekAsync(1);
        var week = NextWeek();
        await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);
        var item = Assert.Single(await Sampling.QueueAsync(_manager2, SamplingLevel.TeamWeekly, Ct)).Item;
        var today = ChinaTime.ChinaDate(_db.Time.GetUtcNow());
        var found = new SampleResultInput(RevisitMethod.Phone, true, Satisfaction.FairlySatisfied, false, "客户称仍偶有闪断", true, "线路仍有闪断，需复查", "周杰", today.AddDays(7));

        Assert.Equal("“班组长周抽查”只能由管理人员登记", (await Sampling.RecordAsync(_handler3, item.Id, 0, found, Ct)).Reasons.Single());
        Assert.True((await Sampling.RecordAsync(_manager2, item.Id, 0, found, Ct)).Succeeded);
        Assert.StartsWith("该抽查回访已由吴刚于", (await Sampling.RecordAsync(_manager, item.Id, 0, SampledRevisitTests.Satisfied, Ct)).Reasons.Single());

        var open = Assert.Single(await Sampling.FollowUpsAsync(_manager, Ct));
        Assert.Equal((FollowUpState.Open, "周杰", today.AddDays(7)), (open.Item.FollowUpState, open.Item.FollowUp!.Owner, open.Item.FollowUp.DueDate));
        Assert.Equal((1, "吴刚"), (open.Item.Revision, open.Item.Result!.By.DisplayName));
        Assert.True((await Sampling.ConfirmFixedAsync(_manager2, item.Id, 1, "已更换线夹，复查无闪断", Ct)).Succeeded);

        await using var db = _db.NewContext();
        var stored = await db.SampledRevisits.AsNoTracking().SingleAsync(i => i.Id == item.Id, Ct);
        Assert.Equal((FollowUpState.Fixed, 2), (stored.FollowUpState, stored.Revision));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(_db.Time.GetUtcNow().ToUnixTimeMilliseconds()), stored.FollowUp!.FixedAt);
        Assert.Equal("客户称仍偶有闪断", stored.Result!.Notes);
    }

    [Fact]
    public async Task Two_people_recording_the_same_sampled_revisit_at_once_store_one_result_and_the_other_is_told_whose()
    {
        await ClosedThisWeekAsync(1);
        var week = NextWeek();
        await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);
        var id = Assert.Single(await Sampling.QueueAsync(_manager2, SamplingLevel.TeamWeekly, Ct)).Item.Id;

        // Two app instances (two write gates), both from the form they were shown at revision 0.
        await using var other = _db.OpenAnotherInstance();
        var results = await Task.WhenAll(
            Sampling.RecordAsync(_manager2, id, 0, SampledRevisitTests.Satisfied, Ct),
            other.GetRequiredService<SamplingService>().RecordAsync(_manager, id, 0, SampledRevisitTests.Satisfied with { Notes = "另一人的记录" }, Ct));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded).Reasons.Single();
        await using var db = _db.NewContext();
        var stored = await db.SampledRevisits.AsNoTracking().SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(SampledRevisit.AlreadyRecorded(stored.Result!), refused);
    }

    [Fact]
    public async Task The_revision_is_a_concurrency_token_the_database_enforces()
    {
        await ClosedThisWeekAsync(1);
        var week = NextWeek();
        await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);
        await using var a = _db.NewContext();
        await using var b = _db.NewContext();
        var first = await a.SampledRevisits.SingleAsync(Ct);
        var second = await b.SampledRevisits.SingleAsync(Ct);
        var now = _db.Time.GetUtcNow();

        Assert.True(first.Record(SampledRevisitTests.Satisfied, _manager2.Actor, _manager2.Roles, _manager2.Workplace, now).Succeeded);
        Assert.True(second.Record(SampledRevisitTests.Satisfied, _manager.Actor, _manager.Roles, _manager.Workplace, now).Succeeded);
        await a.SaveChangesAsync(Ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task No_complaint_is_in_two_batches_of_a_level_and_period()
    {
        await ClosedThisWeekAsync(1);
        NextWeek();
        await Sampling.DrawDueAsync(Ct);
        await using var db = _db.NewContext();
        var item = await db.SampledRevisits.AsNoTracking().FirstAsync(i => i.Level == SamplingLevel.ThirdPartyQuarterly || i.Level == SamplingLevel.TeamWeekly, Ct);
        var batch = await db.SampleBatches.AsNoTracking().SingleAsync(b => b.Id == item.BatchId, Ct);
        var population = await SamplingService.PopulationAsync(db, batch.SamplingPeriod, batch.Department, Ct);

        // A forged second batch of the same period under another unit name: the item's unique key refuses it.
        var forged = SampleBatch.Draw(batch.SamplingPeriod, batch.Department.Length == 0 ? "" : batch.Department, population,
            StaffRoles.SystemActor, [StaffRole.System], null, _db.Time.GetUtcNow()).Value!;
        db.Entry(forged).Property(f => f.Department).CurrentValue = "另一个单位";
        db.SampleBatches.Add(forged);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task The_reports_count_each_level_per_period_and_department_and_the_workbook_carries_the_same_figures()
    {
        await ClosedThisWeekAsync(11);
        var week = NextWeek();
        await Sampling.DrawAsync(_manager2, SamplingLevel.TeamWeekly, week.Slug, "运维检修部", Ct);
        var items = await Sampling.QueueAsync(_manager2, SamplingLevel.TeamWeekly, Ct);
        Assert.Equal(2, items.Count);
        var today = ChinaTime.ChinaDate(_db.Time.GetUtcNow());
        Assert.True((await Sampling.RecordAsync(_manager2, items[0].Item.Id, 0, SampledRevisitTests.Satisfied, Ct)).Succeeded);
        Assert.True((await Sampling.RecordAsync(_manager2, items[1].Item.Id, 0,
            new SampleResultInput(RevisitMethod.Phone, true, Satisfaction.Dissatisfied, false, null, true, "客户称抢修后仍断电", "周杰", today.AddDays(5)), Ct)).Succeeded);

        var month = PowerService.Domain.Reports.ReportPeriod.Month(week.Last.Year, week.Last.Month);
        var reports = _db.Services.GetRequiredService<Web.Features.Reports.ReportService>();
        var company = (await reports.SamplingAsync(_manager, month, null, Ct)).Value!;
        var team = company.ByLevel.Single(r => r.Level == SamplingLevel.TeamWeekly).Counts;

        Assert.Equal(new SamplingCounts { Sampled = 2, Recorded = 2, Reached = 2, Satisfied = 1, Resolved = 1, ProblemsFound = 1 }, team);
        Assert.Equal((1m, 0.5m, 0.5m), (team.CompletionRate, team.SatisfactionRate, team.ResolvedRate));
        await using (var db = _db.NewContext())
            Assert.Equal(SamplingCounts.Of(await db.SampledRevisits.AsNoTracking().ToListAsync(Ct), today), company.Total.Counts);
        var batch = Assert.Single(company.ByBatch);
        Assert.Equal((week.Label, "运维检修部"), (batch.Label, batch.Department));
        Assert.Equal(team, (await reports.SamplingAsync(_manager2, month, null, Ct)).Value!.Total.Counts);
        Assert.Equal(SamplingCounts.Zero, (await reports.SamplingAsync(_manager, month, "城区供电所", Ct)).Value!.Total.Counts);
        Assert.Equal("您只能查看本部门（运维检修部）的报表", (await reports.SamplingAsync(_manager2, month, "城区供电所", Ct)).Refusal);
        Assert.Equal(SamplingCounts.Zero, (await reports.SamplingAsync(_manager, month.Previous(), null, Ct)).Value!.Total.Counts);

        var bundle = (await reports.BundleAsync(_manager, month, null, Ct)).Value!;
        var xlsx = await _db.Services.GetRequiredService<Web.Features.Reports.ReportFiles>().XlsxAsync(bundle, Ct);
        Assert.Empty(PowerService.Tests.Data.Reports.XlsxRead.Errors(xlsx));
        var row = PowerService.Tests.Data.Reports.XlsxRead.Rows(xlsx, "抽样回访").Single(r => r[0] == "班组长周抽查" && r[1] == "全部");
        Assert.Equal(["2", "2", "2", "1", "1", "1", "0.5", "0.5", "1", "0", "0"], row[3..14]);
    }
}

public sealed class SamplingServiceTestsOnSqlite() : SamplingServiceTests(DatabaseProvider.Sqlite);

public sealed class SamplingServiceTestsOnPostgres() : SamplingServiceTests(DatabaseProvider.Postgres);
