using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data;

/// <summary>
/// The 工作台 opened from a report's number lists exactly the complaints the number counts — the same
/// total, every one of them reached once by paging — within what the person may see; on both databases.
/// </summary>
public abstract class DrillDownQueueTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly ReportPeriod October = ReportPeriod.Month(2026, 10), November = ReportPeriod.Month(2026, 11);
    private static readonly DateTimeOffset LastOfOctober = new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.FromHours(8)).AddMilliseconds(900);
    private static readonly DateTimeOffset FirstOfNovember = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private TestDatabase _db = null!;
    private StaffUser _agent = null!, _handler = null!, _handler3 = null!, _manager = null!, _manager2 = null!;
    private string _octobers = "", _novembers = "";

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        (_agent, _handler, _handler3, _manager, _manager2) =
            (await _db.StaffAsync("agent"), await _db.StaffAsync("handler"), await _db.StaffAsync("handler3"), await _db.StaffAsync("manager"), await _db.StaffAsync("manager2"));
        // Some demo history (spread over two years, so few of it in these months), then outcomes made by hand — the
        // counts the filters need come from those — then 20 days on.
        await using (var scope = _db.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureComplaintsAsync(60);
        _octobers = await _db.RegisterAsync(_agent, ComplaintBuilder.ValidIntake() with { ReceivedAt = LastOfOctober });
        _novembers = await _db.RegisterAsync(_agent, ComplaintBuilder.ValidIntake() with { ReceivedAt = FirstOfNovember });
        await SeedOutcomesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task Act(string number, StaffUser by, Func<Complaint, StepContext, StepResult> step)
    {
        var outcome = await _db.Complaints.ActAsync(number, (await _db.Complaints.FindAsync(number))!.Revision, by, null, step);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }

    /// <summary>Satisfied, dissatisfied, revisit not reached, never resolved (overdue, handling breached) and withdrawn, in two departments.</summary>
    private async Task SeedOutcomesAsync()
    {
        async Task<string> Resolved(StaffUser handler)
        {
            var n = await Scenarios.DispatchedAsync(_db.Complaints, _agent, handler);
            await Act(n, handler, (c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
            await Act(n, handler, (c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ComplaintBuilder.Start.AddDays(1)), ctx));
            return n;
        }
        var satisfied = await Resolved(_handler);
        var dissatisfied = await Resolved(_handler3);
        var unreached = await Resolved(_handler3);
        await Scenarios.DispatchedAsync(_db.Complaints, _agent, _handler3); // never resolved
        var withdrawn = await Scenarios.DispatchedAsync(_db.Complaints, _agent, _handler);
        _db.Time.Advance(TimeSpan.FromHours(3));
        await Act(satisfied, _handler, (c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        await Act(dissatisfied, _handler3, (c, ctx) => c.Revisit(ComplaintBuilder.Dissatisfied, ctx));
        await Act(unreached, _handler3, (c, ctx) => c.Revisit(ComplaintBuilder.NotReached, ctx));
        await Act(withdrawn, _agent, (c, ctx) => c.Withdraw(new Withdrawal("客户表示问题已自行解决", "电话录音"), ctx));
        _db.Time.Advance(TimeSpan.FromDays(20)); // the never-resolved one is long overdue, the unreached revisit is owed
    }

    /// <summary>The complaints a filter selects, counted on the measures table as the report counts them (their numbers).</summary>
    private async Task<List<string>> CountedAsync(ReportFilter filter)
    {
        await using var db = _db.NewContext();
        return await filter.Apply(db.ComplaintMeasures).Join(db.Complaints, m => m.ComplaintId, c => c.Id, (m, c) => c.Number)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every page of a drill-down, forwards by the last row's key, then the last page back from the end.</summary>
    private async Task<(int Total, List<string> Paged, List<string> LastPage)> PageThroughAsync(ReportFilter filter, StaffUser who, int size = 4)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await _db.Complaints.QueueAsync(QueueQuery.DrillDown(filter, pageSize: size), who, ct);
        var (total, paged) = (page.Total, page.Rows.Select(r => r.Number).ToList());
        Assert.True(page.TotalIsExact);
        for (var pages = 1; page.HasNext; pages++)
        {
            Assert.True(pages < 100, "paging does not end");
            page = await _db.Complaints.QueueAsync(QueueQuery.DrillDown(filter, new QueueCursor(After: page.Rows[^1].Key), size), who, ct);
            Assert.Equal(total, page.Total);
            paged.AddRange(page.Rows.Select(r => r.Number));
        }
        var last = await _db.Complaints.QueueAsync(QueueQuery.DrillDown(filter, new QueueCursor(Last: true), size), who, ct);
        return (total, paged, last.Rows.Select(r => r.Number).ToList());
    }

    /// <summary>The filters a report's numbers carry, each with the fewest complaints it must select for the test to say anything.</summary>
    private IEnumerable<(string Name, ReportFilter Filter, int AtLeast)> Filters(DateTimeOffset at) =>
    [
        ("October", new(October, at), 1),
        ("November", new(November, at), 6),
        ("November, 城区供电所", new(November, at) { Department = "城区供电所" }, 2),
        ("November, 运维检修部", new(November, at) { Department = "运维检修部" }, 3),
        ("November, handler3", new(November, at) { HandlerId = _handler3.Actor.UserId }, 3),
        ("November, overdue", new(November, at) { Fact = KpiFact.Overdue }, 1),
        ("November, satisfied", new(November, at) { Fact = KpiFact.Satisfied }, 1),
        ("November, not revisited", new(November, at) { Fact = KpiFact.NotRevisited }, 1),
        ("November, handling clock breached", new(November, at) { BreachedClock = ClockKind.Handling }, 1),
        ("November, withdrawn", new(November, at) { Fact = KpiFact.Withdrawn }, 1),
        ("October and November, 运维检修部, overdue", new(ReportPeriod.Custom(new(2026, 10, 1), new(2026, 11, 30)), at) { Department = "运维检修部", Fact = KpiFact.Overdue }, 1),
    ];

    [Fact]
    public async Task Each_drill_down_lists_exactly_the_complaints_its_number_counts_and_paging_reaches_each_once()
    {
        foreach (var (name, filter, atLeast) in Filters(_db.Time.GetUtcNow()))
        {
            var counted = await CountedAsync(filter);
            var (total, paged, lastPage) = await PageThroughAsync(filter, _manager);

            Assert.True(counted.Count >= atLeast, $"{name}: only {counted.Count} counted, the test needs {atLeast}");
            Assert.True(counted.Count == total, $"{name}: the queue says {total}, the report counts {counted.Count}");
            Assert.Equal(counted.Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal)); // each once, none missing
            Assert.Equal(paged.TakeLast(lastPage.Count), lastPage);
        }
    }

    [Fact]
    public async Task A_complaint_received_at_the_last_moment_of_october_china_time_is_listed_in_october_and_one_at_midnight_in_november()
    {
        var at = _db.Time.GetUtcNow();
        var october = await PageThroughAsync(new ReportFilter(October, at), _manager);
        var november = await PageThroughAsync(new ReportFilter(November, at), _manager);

        Assert.Contains(_octobers, october.Paged);
        Assert.DoesNotContain(_novembers, october.Paged);
        Assert.Contains(_novembers, november.Paged);
        Assert.DoesNotContain(_octobers, november.Paged);
    }

    [Fact]
    public async Task A_department_manager_never_sees_another_departments_complaints_even_when_the_link_asks_for_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var at = _db.Time.GetUtcNow();
        var otherDepartment = new ReportFilter(November, at) { Department = "城区供电所" };
        var wholeCompany = new ReportFilter(November, at);
        var own = wholeCompany with { Department = "运维检修部" };

        var asked = await PageThroughAsync(otherDepartment, _manager2);
        var unscoped = await PageThroughAsync(wholeCompany, _manager2);
        var theirs = await PageThroughAsync(own, _manager2);
        await using var db = _db.NewContext();
        var departments = await db.Complaints.Where(c => unscoped.Paged.Contains(c.Number)).Select(c => c.Department).Distinct().ToListAsync(ct);

        Assert.NotEmpty(await CountedAsync(otherDepartment)); // the company manager's report counts them …
        Assert.Equal((0, 0), (asked.Total, asked.Paged.Count)); // … this manager's link lists none of them
        Assert.Equal(["运维检修部"], departments);
        Assert.Equal((await CountedAsync(own)).Order(StringComparer.Ordinal), theirs.Paged.Order(StringComparer.Ordinal));
        Assert.Equal(theirs.Paged.Order(StringComparer.Ordinal), unscoped.Paged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_queues_own_period_and_clock_filters_keep_its_scope_and_leave_ended_complaints_out_unless_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        var filter = new ReportFilter(November, _db.Time.GetUtcNow());

        var open = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 200, Report: filter), _manager, ct);
        var withEnded = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 200, IncludeEnded: true, Report: filter), _manager, ct);
        var mine = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine, PageSize: 200, IncludeEnded: true, Report: filter with { BreachedClock = ClockKind.Handling }), _handler3, ct);

        Assert.Equal((await CountedAsync(filter with { Fact = KpiFact.Open })).Order(StringComparer.Ordinal), open.Rows.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.Equal((await CountedAsync(filter)).Count, withEnded.Total);
        Assert.NotEmpty(mine.Rows);
        Assert.All(mine.Rows, r => Assert.Equal("周杰", r.OwnerName));
        Assert.Equal(
            (await CountedAsync(filter with { BreachedClock = ClockKind.Handling, HandlerId = _handler3.Actor.UserId })).Order(StringComparer.Ordinal),
            mine.Rows.Select(r => r.Number).Order(StringComparer.Ordinal));
    }
}

public sealed class DrillDownQueueTestsOnSqlite() : DrillDownQueueTests(DatabaseProvider.Sqlite);

public sealed class DrillDownQueueTestsOnPostgres() : DrillDownQueueTests(DatabaseProvider.Postgres);
