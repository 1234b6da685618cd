using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>The 工作台 queue: whose complaints, filters, search and server-side paging.</summary>
public abstract class QueueTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly List<string> _numbers = [];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        var agent = await _db.StaffAsync("agent");
        var agent2 = await _db.StaffAsync("agent2");
        var handler = await _db.StaffAsync("handler");
        for (var i = 0; i < 25; i++)
        {
            var intake = ValidIntake() with
            {
                CustomerName = i == 7 ? "欧阳娜娜" : "张建国",
                Phone = $"139000000{i:D2}",
                Urgency = i == 20 ? Urgency.Critical : Urgency.Normal,
                Category = i % 5 == 0 ? Category.Billing : Category.Supply,
                SubCategory = i % 5 == 0 ? "电费突增" : "计划停电未通知",
            };
            _numbers.Add(await _db.RegisterAsync(i < 20 ? agent : agent2, intake));
        }
        var first = await _db.LoadAsync(_numbers[0]);
        await _db.Complaints.ActAsync(first.Number, first.Revision, agent, null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx));
        var last = await _db.LoadAsync(_numbers[24]);
        await _db.Complaints.ActAsync(last.Number, last.Revision, agent2, null, (c, ctx) => c.Withdraw(new Withdrawal("客户撤回", "电话录音"), ctx));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Pages_follow_one_another_by_seeking_along_the_queue_order()
    {
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;
        var everything = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 200), manager, ct);

        var first = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 10), manager, ct);
        var second = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(After: first.Rows[^1].Key), 10), manager, ct);
        var third = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(After: second.Rows[^1].Key), 10), manager, ct);
        var backToSecond = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(Before: third.Rows[0].Key), 10), manager, ct);
        var last = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(Last: true), 10), manager, ct);

        Assert.Equal(24, everything.Total); // the withdrawn one is not open
        Assert.Equal(_numbers[20], first.Rows[0].Number); // critical first
        Assert.Equal(everything.Rows.Select(r => r.Number), first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Number));
        Assert.Equal((10, 10, 4), (first.Rows.Count, second.Rows.Count, third.Rows.Count));
        Assert.Equal((false, true), (first.HasPrevious, first.HasNext));
        Assert.Equal((true, true), (second.HasPrevious, second.HasNext));
        Assert.Equal((true, false), (third.HasPrevious, third.HasNext));
        Assert.Equal(second.Rows.Select(r => r.Number), backToSecond.Rows.Select(r => r.Number));
        Assert.Equal((true, true), (backToSecond.HasPrevious, backToSecond.HasNext));
        Assert.Equal(everything.Rows.TakeLast(10).Select(r => r.Number), last.Rows.Select(r => r.Number));
        Assert.Equal((true, false), (last.HasPrevious, last.HasNext));
        Assert.All([first, second, third, last], page => Assert.Equal((24, true), (page.Total, page.TotalIsExact)));
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_end_has_no_next_and_the_first_page_going_back_has_no_previous()
    {
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;

        var whole = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 24), manager, ct);
        var second = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(After: whole.Rows[11].Key), 12), manager, ct);
        var backToFirst = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(Before: second.Rows[0].Key), 12), manager, ct);
        var beyond = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(After: whole.Rows[^1].Key), 12), manager, ct);

        Assert.Equal((24, false, false), (whole.Rows.Count, whole.HasPrevious, whole.HasNext));
        Assert.Equal((12, true, false), (second.Rows.Count, second.HasPrevious, second.HasNext));
        Assert.Equal((12, false, true), (backToFirst.Rows.Count, backToFirst.HasPrevious, backToFirst.HasNext));
        Assert.Equal(whole.Rows.Take(12).Select(r => r.Number), backToFirst.Rows.Select(r => r.Number));
        Assert.Equal((0, true, false), (beyond.Rows.Count, beyond.HasPrevious, beyond.HasNext));
    }

    [Fact]
    public async Task A_page_continues_from_where_the_last_one_ended_when_that_complaint_has_moved_meanwhile()
    {
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;
        var first = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 10), manager, ct);
        var boundary = await _db.LoadAsync(first.Rows[^1].Number);
        await _db.Complaints.ActAsync(boundary.Number, boundary.Revision, manager, null, (c, ctx) => c.Withdraw(new Withdrawal("客户撤回", "电话录音"), ctx), ct);

        var withdrawn = await _db.LoadAsync(boundary.Number);
        var second = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, new QueueCursor(After: first.Rows[^1].Key), 10), manager, ct);
        var now = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 200), manager, ct);

        Assert.Equal(Stage.Withdrawn, withdrawn.Stage);
        Assert.Equal(now.Rows.Skip(9).Take(10).Select(r => r.Number), second.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Paging_through_my_complaints_merges_what_I_own_and_what_I_took_first_in_queue_order()
    {
        var agent = await _db.StaffAsync("agent"); // took all of the first 20 first, still owns all but the dispatched one
        var ct = TestContext.Current.CancellationToken;
        var whole = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine, PageSize: 200), agent, ct);

        var pages = new List<QueueResult> { await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine, PageSize: 7), agent, ct) };
        while (pages[^1].HasNext)
            pages.Add(await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine, new QueueCursor(After: pages[^1].Rows[^1].Key), 7), agent, ct));
        var back = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine, new QueueCursor(Before: pages[^1].Rows[0].Key), 7), agent, ct);

        Assert.Equal(20, whole.Total);
        Assert.Contains(_numbers[0], whole.Rows.Select(r => r.Number)); // dispatched away, still the agent's as first responder
        Assert.Equal(whole.Rows.Select(r => r.Number), pages.SelectMany(p => p.Rows).Select(r => r.Number));
        Assert.Equal(pages[^2].Rows.Select(r => r.Number), back.Rows.Select(r => r.Number));
        Assert.Equal(whole.Rows.Select(r => r.Key).Order(StringComparer.Ordinal), whole.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task A_large_count_stops_at_the_limit_and_is_exact_on_request()
    {
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;

        var capped = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 5, CountUpTo: 10), manager, ct);
        var exact = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 5, ExactCount: true, CountUpTo: 10), manager, ct);
        var under = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 5, Category: Category.Billing, CountUpTo: 10), manager, ct);

        Assert.Equal((10, false), (capped.Total, capped.TotalIsExact));
        Assert.Equal((24, true), (exact.Total, exact.TotalIsExact));
        Assert.Equal((5, true), (under.Total, under.TotalIsExact));
    }

    [Fact]
    public async Task Mine_is_what_I_registered_or_own_and_team_is_my_department()
    {
        var agent2 = await _db.StaffAsync("agent2");
        var handler = await _db.StaffAsync("handler");

        var mine = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine), agent2, TestContext.Current.CancellationToken);
        var handlersOwn = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Mine), handler, TestContext.Current.CancellationToken);
        var handlersTeam = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.Team), handler, TestContext.Current.CancellationToken);

        Assert.Equal(4, mine.Total);
        Assert.Equal([_numbers[0]], handlersOwn.Rows.Select(r => r.Number));
        Assert.Equal([_numbers[0]], handlersTeam.Rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData("欧阳", 1)]
    [InlineData("13900000007", 1)]
    [InlineData("3300123456", 24)]
    [InlineData("ts2026112300", 24)]
    [InlineData("2026112300", 24)] // a number typed without its TS
    [InlineData("TS202611230007", 1)]
    [InlineData("1390000000", 10)] // the start of a phone number
    [InlineData("0007", 1)] // 尾号: the phone's last four digits
    [InlineData("张", 23)] // a surname
    [InlineData("张建国", 23)]
    [InlineData("330012", 24)] // the start of a 户号
    [InlineData("000000", 0)] // from the middle of a phone number: not a prefix, not a tail
    [InlineData("不存在的人", 0)]
    public async Task Search_finds_by_number_name_phone_or_account(string text, int expected)
    {
        var manager = await _db.StaffAsync("manager");

        var result = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Search: text), manager, TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Total);
    }

    [Fact]
    public async Task Filters_combine_and_ended_complaints_can_be_included()
    {
        var manager = await _db.StaffAsync("manager");

        var billing = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Category: Category.Billing), manager, TestContext.Current.CancellationToken);
        var investigating = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Stage: Stage.Investigate, Department: "城区供电所"), manager, TestContext.Current.CancellationToken);
        var withEnded = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, IncludeEnded: true, Channel: Channel.Hotline95598), manager, TestContext.Current.CancellationToken);

        var critical = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Urgency: Urgency.Critical), manager, TestContext.Current.CancellationToken);
        var criticalWithEnded = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Urgency: Urgency.Critical, IncludeEnded: true), manager, TestContext.Current.CancellationToken);
        var normalAtIntake = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Urgency: Urgency.Normal, Stage: Stage.Intake), manager, TestContext.Current.CancellationToken);
        var normalWithdrawn = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Urgency: Urgency.Normal, Stage: Stage.Withdrawn), manager, TestContext.Current.CancellationToken);

        Assert.Equal([_numbers[20]], critical.Rows.Select(r => r.Number));
        Assert.Equal([_numbers[20]], criticalWithEnded.Rows.Select(r => r.Number));
        Assert.Equal(22, normalAtIntake.Total); // 25 less the critical, the dispatched and the withdrawn one
        Assert.Equal([_numbers[24]], normalWithdrawn.Rows.Select(r => r.Number));
        Assert.Equal(5, billing.Total);
        Assert.Equal([_numbers[0]], investigating.Rows.Select(r => r.Number));
        Assert.Equal(25, withEnded.Total);
    }
}

public sealed class QueueTestsOnSqlite() : QueueTests(DatabaseProvider.Sqlite);

public sealed class QueueTestsOnPostgres() : QueueTests(DatabaseProvider.Postgres);
