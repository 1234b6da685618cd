using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Reports;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Reports;

/// <summary>
/// The reports read from the measures table equal the KPIs computed from scratch over the complaints
/// themselves (<see cref="KpiCounts.Of"/> over <see cref="ComplaintMeasure.Of"/>), and every number's
/// filter lists exactly as many complaints as the number says — on both databases.
/// </summary>
public abstract class ReportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);
    private TestDatabase _db = null!;
    private StaffUser _agent = null!, _handler = null!, _handler3 = null!, _manager = null!, _manager2 = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        (_agent, _handler, _handler3, _manager, _manager2) =
            (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"), await _db.StaffAsync("handler3"), await _db.StaffAsync("manager"), await _db.StaffAsync("manager2"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ReportService Reports => _db.Services.GetRequiredService<ReportService>();

    private async Task Act(string number, StaffUser by, Func<Complaint, StepContext, StepResult> step)
    {
        var outcome = await _db.Complaints.ActAsync(number, (await _db.Complaints.FindAsync(number))!.Revision, by, null, step);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }

    /// <summary>Complaints in two departments with every kind of outcome; the clock ends 20 days on.</summary>
    private async Task<List<string>> SeedAsync()
    {
        var numbers = new List<string>();
        async Task<string> Dispatched(StaffUser handler, Category category = Category.Supply)
        {
            var intake = ComplaintBuilder.ValidIntake() with { Category = category, SubCategory = SubCategories.For(category)[0] };
            var n = await Scenarios.DispatchedAsync(_db.Complaints, _agent, handler, intake);
            numbers.Add(n);
            return n;
        }
        async Task Resolve(string n, StaffUser by)
        {
            await Act(n, by, (c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
            await Act(n, by, (c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ComplaintBuilder.Start.AddDays(1)), ctx));
        }

        var onTime = await Dispatched(_handler);
        var reopened = await Dispatched(_handler, Category.Billing);
        var unreached = await Dispatched(_handler3, Category.Repair);
        var overdue = await Dispatched(_handler3);
        var withdrawn = await Dispatched(_handler);
        await Resolve(onTime, _handler);
        await Resolve(reopened, _handler);
        await Resolve(unreached, _handler3);
        _db.Time.Advance(TimeSpan.FromHours(3));
        await Act(onTime, _handler, (c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        await Act(reopened, _handler, (c, ctx) => c.Revisit(ComplaintBuilder.Dissatisfied, ctx));
        await Act(unreached, _handler3, (c, ctx) => c.Revisit(ComplaintBuilder.NotReached, ctx));
        await Act(withdrawn, _agent, (c, ctx) => c.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话录音"), ctx));
        await Act(reopened, _handler, (c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ComplaintBuilder.Start.AddDays(2)), ctx));
        _db.Time.Advance(TimeSpan.FromDays(20)); // the never-resolved one is long overdue; the unreached revisit is owed
        return numbers;
    }

    private async Task<List<ComplaintMeasure>> FromScratchAsync()
    {
        await using var db = _db.NewContext();
        var complaints = await db.Complaints.Include(c => c.Timeline).AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return [.. complaints.Where(c => November.Contains(c.ReceivedAt)).Select(ComplaintMeasure.Of)];
    }

    [Fact]
    public async Task The_scorecard_equals_the_kpis_computed_from_scratch_over_the_complaints()
    {
        await SeedAsync();
        var card = (await Reports.ScorecardAsync(_manager, November, null, TestContext.Current.CancellationToken)).Value!;
        var measures = await FromScratchAsync();

        Assert.Equal(KpiCounts.Of(measures, card.AsOf), card.Total.Counts);
        foreach (var row in card.Departments)
            Assert.Equal(KpiCounts.Of(measures.Where(m => m.Department == row.Department), card.AsOf), row.Counts);
        foreach (var row in card.Handlers)
            Assert.Equal(KpiCounts.Of(measures.Where(m => m.Department == row.Department && m.HandlerId == row.HandlerId), card.AsOf), row.Counts);
        Assert.Equal((5, 1, 4, 1), (card.Total.Counts.Received, card.Total.Counts.Withdrawn, card.Total.Counts.Counted, card.Total.Counts.Overdue));
        Assert.Equal((2L, 1L), (card.Total.Counts.Rated, card.Total.Counts.FirstTime));
    }

    public static TheoryData<KpiFact> CountedFacts =>
    [
        KpiFact.Received, KpiFact.Counted, KpiFact.Withdrawn, KpiFact.Merged, KpiFact.Reclassified, KpiFact.Open, KpiFact.Timely, KpiFact.Overdue,
        KpiFact.Rated, KpiFact.Satisfied, KpiFact.FirstTime, KpiFact.RevisitOwed, KpiFact.Revisited, KpiFact.Resolved, KpiFact.Reopened,
    ];

    [Theory]
    [MemberData(nameof(CountedFacts))]
    public async Task Every_number_of_the_scorecard_lists_as_many_complaints_as_it_counts(KpiFact fact)
    {
        await SeedAsync();
        var card = (await Reports.ScorecardAsync(_manager, November, null, TestContext.Current.CancellationToken)).Value!;
        await using var db = _db.NewContext();

        foreach (var row in new[] { card.Total }.Concat(card.Departments).Concat(card.Handlers))
        {
            var listed = await (row.Filter with { Fact = fact }).Apply(db.ComplaintMeasures).CountAsync(TestContext.Current.CancellationToken);
            Assert.Equal(typeof(KpiCounts).GetProperty(fact.ToString())!.GetValue(row.Counts), (long)listed);
        }
    }

    [Fact]
    public async Task The_timeliness_rates_whole_lists_the_timely_and_the_overdue()
    {
        await SeedAsync();
        var card = (await Reports.ScorecardAsync(_manager, November, null, TestContext.Current.CancellationToken)).Value!;
        await using var db = _db.NewContext();

        foreach (var row in new[] { card.Total }.Concat(card.Departments).Concat(card.Handlers))
            Assert.Equal(row.Score.Timeliness.Denominator,
                await (row.Filter with { Fact = KpiFact.Judged }).Apply(db.ComplaintMeasures).LongCountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_breakdowns_and_the_trend_equal_the_kpis_computed_from_scratch_and_each_breach_lists_as_many_complaints_as_it_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedAsync();
        var b = (await Reports.BreakdownsAsync(_manager, November, null, ct)).Value!;
        var measures = await FromScratchAsync();

        foreach (var row in b.ByCategory) Assert.Equal(KpiCounts.Of(measures.Where(m => m.Category == row.Filter.Category), b.AsOf), row.Counts);
        foreach (var row in b.BySubCategory)
            Assert.Equal(KpiCounts.Of(measures.Where(m => m.Category == row.Filter.Category && m.SubCategory == row.Filter.SubCategory), b.AsOf), row.Counts);
        foreach (var row in b.ByChannel) Assert.Equal(KpiCounts.Of(measures.Where(m => m.Channel == row.Filter.Channel), b.AsOf), row.Counts);
        foreach (var row in b.ByUrgency) Assert.Equal(KpiCounts.Of(measures.Where(m => m.Urgency == row.Filter.Urgency), b.AsOf), row.Counts);
        foreach (var row in b.ByDepartment) Assert.Equal(KpiCounts.Of(measures.Where(m => m.Department == row.Filter.Department), b.AsOf), row.Counts);
        foreach (var row in b.ByHandler)
            Assert.Equal(KpiCounts.Of(measures.Where(m => m.Department == row.Filter.Department && m.HandlerId == row.Filter.HandlerId), b.AsOf), row.Counts);
        foreach (var row in b.ByEscalation) Assert.Equal(measures.LongCount(m => m.Escalation == row.Filter.Escalation), row.Count);
        foreach (var row in b.BreachesByClock)
            Assert.Equal(measures.LongCount(m => m.IsCounted && m.BreachAt(row.Filter.BreachedClock!.Value) <= b.AsOf), row.Count);
        Assert.Contains(b.BreachesByClock, r => r.Count > 0);
        Assert.Equal(KpiCounts.Of(measures, b.AsOf).Reopened, b.Reopened.Count);
        await using (var db = _db.NewContext())
            foreach (var row in b.BreachesByClock.Append(b.Reopened))
                Assert.Equal(row.Count, await row.Filter.Apply(db.ComplaintMeasures).LongCountAsync(ct));

        var trend = (await Reports.TrendAsync(_manager, November, null, ct)).Value!;
        var november = trend.Months.Single(m => m.Month == November);
        Assert.Equal(KpiCounts.Of(measures, trend.AsOf), november.Counts);
        foreach (var category in Enum.GetValues<Category>()) Assert.Equal(measures.LongCount(m => m.Category == category), november.ByCategory[category]);
    }

    [Fact]
    public async Task Each_stored_measure_equals_the_measure_computed_afresh_from_its_complaint()
    {
        await SeedAsync();
        var fresh = await FromScratchAsync();
        await using var db = _db.NewContext();
        var stored = await db.ComplaintMeasures.AsNoTracking().ToDictionaryAsync(m => m.ComplaintId, TestContext.Current.CancellationToken);

        Assert.Equal(fresh.Count, stored.Count);
        Assert.All(fresh, m => Assert.Equal(AsStored(m), AsStored(stored[m.ComplaintId])));
    }

    /// <summary>
    /// A measure as text with its instants at the precision the database keeps (SQLite 0.1 ms, PostgreSQL
    /// 1 µs): computed afresh, they come from the clocks' JSON, which keeps 100 ns.
    /// </summary>
    private string AsStored(ComplaintMeasure m) =>
        JsonSerializer.Serialize(m, new JsonSerializerOptions { Converters = { new StoredInstant(_db.Provider == DatabaseProvider.Sqlite ? 1000 : 10) } });

    private sealed class StoredInstant(long ticks) : System.Text.Json.Serialization.JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(new DateTimeOffset(value.UtcTicks - value.UtcTicks % ticks, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_complaint_received_in_the_last_microsecond_of_october_china_time_is_octobers()
    {
        var lastOfOctober = new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.FromHours(8)).AddTicks(9_999_990); // microseconds: what PostgreSQL keeps
        var firstOfNovember = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        await _db.RegisterAsync(_agent, ComplaintBuilder.ValidIntake() with { ReceivedAt = lastOfOctober });
        await _db.RegisterAsync(_agent, ComplaintBuilder.ValidIntake() with { ReceivedAt = firstOfNovember });

        var october = (await Reports.ScorecardAsync(_manager, ReportPeriod.Month(2026, 10), null, TestContext.Current.CancellationToken)).Value!;
        var november = (await Reports.ScorecardAsync(_manager, November, null, TestContext.Current.CancellationToken)).Value!;

        Assert.Equal((1, 1), (october.Total.Counts.Received, november.Total.Counts.Received));
        Assert.Equal(1, november.Previous.Counts.Received); // 环比 is October
    }

    [Fact]
    public async Task A_department_manager_reads_their_own_department_only()
    {
        await SeedAsync();
        var own = await Reports.ScorecardAsync(_manager2, November, null, TestContext.Current.CancellationToken);
        var other = await Reports.ScorecardAsync(_manager2, November, "城区供电所", TestContext.Current.CancellationToken);
        var handler = await Reports.ScorecardAsync(_handler, November, null, TestContext.Current.CancellationToken);

        Assert.Equal("运维检修部", own.Value!.Department);
        Assert.All(own.Value.Handlers, h => Assert.Equal("运维检修部", h.Department));
        Assert.Equal(2, own.Value.Total.Counts.Received);
        Assert.Null(other.Value);
        Assert.Contains("本部门", other.Refusal);
        Assert.Equal("报表仅供管理人员查看", handler.Refusal);
    }

    [Fact]
    public async Task Complaints_stored_before_reports_existed_get_their_measures_in_the_background()
    {
        await SeedAsync();
        var ct = TestContext.Current.CancellationToken;
        var before = await FromScratchAsync();
        Dictionary<int, (int Revision, int? Minutes)> complaints;
        await using (var db = _db.NewContext())
        {
            complaints = await db.Complaints.ToDictionaryAsync(c => c.Id, c => (c.Revision, c.HandlingWorkingMinutes), ct);
            Assert.Contains(complaints.Values, c => c.Minutes is not null);
            // As the upgrade leaves them: no measures, and no handling times (the column is new).
            await db.ComplaintMeasures.ExecuteDeleteAsync(ct);
            await db.Complaints.ExecuteUpdateAsync(s => s.SetProperty(c => c.HandlingWorkingMinutes, (int?)null), ct);
        }

        var backfill = ActivatorUtilities.CreateInstance<MeasureBackfill>(_db.Services);
        await backfill.RunAsync(ct);

        Assert.True(backfill.Done);
        Assert.Equal(before.Count, backfill.Filled);
        await using var check = _db.NewContext();
        var stored = await check.ComplaintMeasures.AsNoTracking().ToDictionaryAsync(m => m.ComplaintId, ct);
        Assert.All(before, m => Assert.Equal(AsStored(m), AsStored(stored[m.ComplaintId])));
        Assert.Equal(complaints, await check.Complaints.ToDictionaryAsync(c => c.Id, c => (c.Revision, c.HandlingWorkingMinutes), ct));
    }

    [Fact]
    public async Task The_12398_statistics_count_each_item_in_the_regulators_category_and_their_lists_match()
    {
        var ct = TestContext.Current.CancellationToken;
        await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, _agent, _handler);
        var report = (await _db.RegisterAsync(_agent, ComplaintBuilder.ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123002" }));
        await Act(report, _manager, (c, ctx) => c.Reclassify(new Reclassification(ReclassifiedAs.Report, "客户反映的是窃电行为，属于举报"), ctx));

        var stats = (await Reports.RegulatorAsync(_manager, November, null, ct)).Value!;
        var byCategory = stats.ByCategory.ToDictionary(r => r.Label);

        Assert.Equal((1L, 1L, 1L, 1L, 1L), (byCategory["投诉"].Received, byCategory["投诉"].Handled, byCategory["投诉"].HandledInTime, byCategory["投诉"].Rated, byCategory["投诉"].Satisfied));
        Assert.Equal(0, byCategory["投诉"].RepliedInWriting);
        Assert.Equal(1, byCategory["举报"].Received);
        Assert.Equal(2, stats.Total.Received);
        await using var db = _db.NewContext();
        foreach (var row in stats.ByCategory.Append(stats.Total).Concat(stats.ComplaintsByDepartment))
        {
            Assert.Equal(row.Received, await row.Filter.Apply(db.ComplaintMeasures).LongCountAsync(ct));
            Assert.Equal(row.Handled, await (row.Filter with { Fact = KpiFact.Handled }).Apply(db.ComplaintMeasures).LongCountAsync(ct));
            Assert.Equal(row.HandledInTime, await (row.Filter with { Fact = KpiFact.HandledInTime }).Apply(db.ComplaintMeasures).LongCountAsync(ct));
        }
    }
}

public sealed class ReportServiceTestsOnSqlite() : ReportServiceTests(DatabaseProvider.Sqlite);

public sealed class ReportServiceTestsOnPostgres() : ReportServiceTests(DatabaseProvider.Postgres);
