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
    public async Task Pages_are_cut_on_the_server_with_the_total_of_all_matches()
    {
        var manager = await _db.StaffAsync("manager");

        var page0 = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Page: 0, PageSize: 10), manager, TestContext.Current.CancellationToken);
        var page2 = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Page: 2, PageSize: 10), manager, TestContext.Current.CancellationToken);

        Assert.Equal(24, page0.Total); // the withdrawn one is not open
        Assert.Equal(10, page0.Rows.Count);
        Assert.Equal(4, page2.Rows.Count);
        Assert.Equal(_numbers[20], page0.Rows[0].Number); // critical first
        Assert.Empty(page0.Rows.Select(r => r.Number).Intersect(page2.Rows.Select(r => r.Number)));
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

        Assert.Equal(5, billing.Total);
        Assert.Equal([_numbers[0]], investigating.Rows.Select(r => r.Number));
        Assert.Equal(25, withEnded.Total);
    }
}

public sealed class QueueTestsOnSqlite() : QueueTests(DatabaseProvider.Sqlite);

public sealed class QueueTestsOnPostgres() : QueueTests(DatabaseProvider.Postgres);
