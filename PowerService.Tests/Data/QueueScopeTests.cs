using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;

namespace PowerService.Tests.Data;

/// <summary>
/// The queue and search show each person exactly the complaints the domain lets them see: what they
/// own or took first and their department's; everything for company-level managers and admins.
/// </summary>
public abstract class QueueScopeTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>Demo complaints of the last three weeks: every department has open work and closed cases.</summary>
    private const int DemoCount = 120;

    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await using var scope = _db.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureComplaintsAsync(DemoCount, _db.Time.GetUtcNow().ChinaDate().AddDays(-21));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public static TheoryData<string> People() => new(DemoData.Accounts.Select(a => a.UserName).Where(n => n != "trainer"));

    [Theory]
    [MemberData(nameof(People))]
    public async Task The_queue_holds_exactly_the_complaints_the_domain_lets_the_person_see(string userName)
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await _db.StaffAsync(userName);
        await using var db = _db.NewContext();
        var all = await db.Complaints.AsNoTracking().ToListAsync(ct);

        var queue = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, PageSize: 1000, IncludeEnded: true), user, ct);

        var expected = all.Where(user.MayView).Select(c => c.Number).Order().ToList();
        Assert.Equal(expected, queue.Rows.Select(r => r.Number).Order());
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task A_handler_sees_their_department_and_a_company_level_manager_everything()
    {
        var ct = TestContext.Current.CancellationToken;
        var all = new QueueQuery(QueueScope.All, PageSize: 1000, IncludeEnded: true);

        var handler = await _db.Complaints.QueueAsync(all, await _db.StaffAsync("handler"), ct);
        var departmentManager = await _db.Complaints.QueueAsync(all, await _db.StaffAsync("manager2"), ct);
        var companyManager = await _db.Complaints.QueueAsync(all, await _db.StaffAsync("manager"), ct);

        Assert.All(handler.Rows, r => Assert.Equal("城区供电所", r.Department));
        Assert.All(departmentManager.Rows, r => Assert.Equal("运维检修部", r.Department));
        Assert.Equal(DemoCount, companyManager.Total);
        Assert.True(handler.Total + departmentManager.Total < DemoCount);
    }

    [Fact]
    public async Task Search_never_reaches_outside_the_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = _db.NewContext();
        var elsewhere = await db.Complaints.AsNoTracking().FirstAsync(c => c.Department == "运维检修部", ct);
        var handler = await _db.StaffAsync("handler");

        var byNumber = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Search: elsewhere.Number, IncludeEnded: true), handler, ct);
        var byPhone = await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Search: elsewhere.Customer.Phone, IncludeEnded: true), handler, ct);
        var opened = await _db.Complaints.FindAsync(elsewhere.Number, handler, ct);

        Assert.Equal((0, 0), (byNumber.Total, byPhone.Total));
        Assert.Null(opened.Complaint);
        Assert.Contains("不在您的查看范围内", opened.Refusal);
        Assert.NotNull((await _db.Complaints.FindAsync(elsewhere.Number, await _db.StaffAsync("handler3"), ct)).Complaint);
    }

    [Fact]
    public async Task The_server_refuses_a_step_across_departments_whatever_the_page_offered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = _db.NewContext();
        var elsewhere = await db.Complaints.AsNoTracking().FirstAsync(c => c.Department == "运维检修部" && c.Stage == Stage.Investigate, ct);
        var handler = await _db.StaffAsync("handler");

        var outcome = await _db.Complaints.ActAsync(elsewhere.Number, elsewhere.Revision, handler, null,
            (c, ctx) => c.Investigate(Domain.Complaints.ComplaintBuilder.Findings, ctx), ct);

        Assert.StartsWith("“提交调查结论”只能由本投诉的处理人", Assert.Single(outcome.Result.Reasons));
        Assert.Equal(elsewhere.Revision, (await _db.LoadAsync(elsewhere.Number)).Revision);
    }
}

public sealed class QueueScopeTestsOnSqlite() : QueueScopeTests(DatabaseProvider.Sqlite);

public sealed class QueueScopeTestsOnPostgres() : QueueScopeTests(DatabaseProvider.Postgres);
