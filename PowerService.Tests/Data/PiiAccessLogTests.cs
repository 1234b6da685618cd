using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Documents;
using PowerService.Domain.Privacy;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Privacy;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>The personal-information access log: what is written when, that a masked role's search is exact and logged, that the log is append-only.</summary>
public abstract class PiiAccessLogTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Phone = "16265575989", Account = "3301987654321", Name = "黄艳";
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private PiiAccessLog Log => _db.Services.GetRequiredService<PiiAccessLog>();

    /// <summary>黄艳's complaint, registered by 王芳 and dispatched to 李强 (城区供电所), who calls her.</summary>
    private async Task<string> RegisterHuangAsync() =>
        await Scenarios.DispatchedAsync(_db.Complaints, await _db.StaffAsync("agent"), await _db.StaffAsync("handler"),
            ValidIntake() with { CustomerName = Name, Phone = Phone, AccountNumber = Account });

    private async Task<QueueResult> SearchAsync(string userName, string term) =>
        await _db.Complaints.QueueAsync(new QueueQuery(QueueScope.All, Search: term), await _db.StaffAsync(userName), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task A_masked_role_finds_a_customer_only_by_the_exact_full_phone_or_account_and_each_such_search_is_logged(string userName)
    {
        var number = await RegisterHuangAsync();

        var byPhone = await SearchAsync(userName, Phone);
        var byAccount = await SearchAsync(userName, Account);

        Assert.Equal([number], byPhone.Rows.Select(r => r.Number));
        Assert.Equal([number], byAccount.Rows.Select(r => r.Number));
        Assert.Equal(("黄*", "162****5989"), (byPhone.Rows[0].CustomerName, byPhone.Rows[0].Phone));
        foreach (var guess in new[] { Phone[..7], Phone[..10], Account[..9], Name, "5575989" })
            Assert.Equal(0, (await SearchAsync(userName, guess)).Total);

        // Ten digits are shaped like a 户号: looked up exactly (no hit) and logged, like the two that found the complaint.
        var all = (await Log.PageAsync(new PiiAccessFilter(Kind: PiiAccessKind.ContactSearch), TestContext.Current.CancellationToken)).Rows;
        Assert.Equal(3, all.Count);
        Assert.Contains(all, e => e.ComplaintNumber is null && e.Detail == "按户号检索 16****7598，未命中");
        var entries = all.Where(e => e.ComplaintNumber == number).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Detail.Contains("162****5989") && e.Detail.Contains(number));
        Assert.Contains(entries, e => e.Detail.Contains("33*******4321"));
        Assert.DoesNotContain(all, e => e.Detail.Contains(Phone) || e.Detail.Contains(Account));
    }

    [Fact]
    public async Task A_masked_roles_search_that_finds_nothing_is_logged_too_and_those_who_call_customers_search_as_before_unlogged()
    {
        await RegisterHuangAsync();

        Assert.Equal(0, (await SearchAsync("admin", "13900000000")).Total);
        Assert.Equal(1, (await SearchAsync("handler", Phone[..7])).Total);
        Assert.Equal(1, (await SearchAsync("handler", Name)).Total);

        var entry = Assert.Single((await Log.PageAsync(new PiiAccessFilter(), TestContext.Current.CancellationToken)).Rows);
        Assert.Null(entry.ComplaintNumber);
        Assert.Contains("未命中", entry.Detail);
        Assert.Equal("Admin", entry.Roles);
    }

    [Fact]
    public async Task Opening_the_customer_card_in_full_is_logged_with_who_when_and_which_complaint_and_refused_to_masked_roles()
    {
        var number = await RegisterHuangAsync();
        var handler = await _db.StaffAsync("handler");
        var ct = TestContext.Current.CancellationToken;

        var revealed = await _db.Complaints.RevealCustomerAsync(number, handler, PiiAccessKind.CustomerCall, ct);
        var refused = await _db.Complaints.RevealCustomerAsync(number, await _db.StaffAsync("admin"), PiiAccessKind.CustomerCard, ct);

        Assert.Equal(Phone, revealed.Customer!.Phone);
        Assert.Null(refused.Customer);
        Assert.Equal("按最小必要原则，您的角色不能查看客户的完整信息。", refused.Refused);
        var entry = Assert.Single((await Log.PageAsync(new PiiAccessFilter(), ct)).Rows);
        Assert.Equal((handler.Actor.UserId, "李强", "Handler", PiiAccessKind.CustomerCall, number), (entry.UserId, entry.UserName, entry.Roles, entry.Kind, entry.ComplaintNumber));
        // Stored in whole milliseconds: what is read back is what was written.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(_db.Time.GetUtcNow().ToUnixTimeMilliseconds()), entry.At);
    }

    [Fact]
    public async Task The_shown_complaint_is_masked_for_a_masked_role_and_its_record_is_verified_on_the_stored_one()
    {
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Content = $"{Name}称电话{Phone}打不通。", CustomerName = Name, Phone = Phone });

        var forAdmin = (await _db.Complaints.ShowAsync(number, await _db.StaffAsync("admin"), TestContext.Current.CancellationToken)).Shown!;
        var forHandler = (await _db.Complaints.ShowAsync(number, await _db.StaffAsync("agent2"), TestContext.Current.CancellationToken)).Shown!; // a colleague of the service centre, where it is

        Assert.Equal("黄*称电话162****5989打不通。", forAdmin.Complaint.Content);
        Assert.Null(forAdmin.BrokenSeal);
        Assert.Contains(Phone, forHandler.Complaint.Content);
        Assert.Equal(("黄*", "162****5989"), (forHandler.Card.Name, forHandler.Card.Phone)); // the card opens masked for everyone
    }

    [Fact]
    public async Task A_document_preview_and_download_are_logged_and_a_masked_role_gets_no_bytes()
    {
        var ct = TestContext.Current.CancellationToken;
        var number = await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, await _db.StaffAsync("agent"), await _db.StaffAsync("handler"));
        var manager = await _db.StaffAsync("manager");
        var documents = _db.Services.GetRequiredService<DocumentService>();
        Assert.True((await documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.CaseFile, manager, ct: ct)).Succeeded);
        var view = (await documents.ViewAsync(number, DocumentKind.CaseFile, manager, ct))!;

        var download = await documents.DownloadAsync(view.Issued[0].FileId, manager, ct);
        var asAdmin = await documents.DownloadAsync(view.Issued[0].FileId, await _db.StaffAsync("admin"), ct);
        var asAuditor = await documents.ViewAsync(number, DocumentKind.CaseFile, await _db.StaffAsync("auditor"), ct);

        Assert.NotEmpty(download.File!.Content);
        Assert.Null(asAdmin.File);
        Assert.Null(asAuditor);
        var entries = (await Log.PageAsync(new PiiAccessFilter(Complaint: number), ct)).Rows;
        Assert.Equal([PiiAccessKind.DocumentDownload, PiiAccessKind.DocumentPreview], entries.Select(e => e.Kind));
        Assert.Equal(["下载《投诉案卷》第 1 版", "预览《投诉案卷》"], entries.Select(e => e.Detail));
    }

    [Fact]
    public async Task The_access_log_is_filtered_by_person_complaint_and_china_date_and_paged()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await RegisterHuangAsync();
        var second = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Phone = "13900000001", AccountNumber = null });
        var handler = await _db.StaffAsync("handler");
        var manager = await _db.StaffAsync("manager");
        for (var i = 0; i < 3; i++) await _db.Complaints.RevealCustomerAsync(first, handler, PiiAccessKind.CustomerCard, ct);
        _db.Time.Advance(TimeSpan.FromDays(1));
        await _db.Complaints.RevealCustomerAsync(second, manager, PiiAccessKind.CustomerCard, ct);
        var today = DateOnly.FromDateTime(_db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

        Assert.Equal(3, (await Log.PageAsync(new PiiAccessFilter(Person: "李强"), ct)).Total);
        Assert.Equal(3, (await Log.PageAsync(new PiiAccessFilter(Person: "handler"), ct)).Total);
        Assert.Equal([second], (await Log.PageAsync(new PiiAccessFilter(Complaint: second), ct)).Rows.Select(e => e.ComplaintNumber));
        Assert.Equal(1, (await Log.PageAsync(new PiiAccessFilter(From: today), ct)).Total);
        Assert.Equal(3, (await Log.PageAsync(new PiiAccessFilter(To: today.AddDays(-1)), ct)).Total);
        var page = await Log.PageAsync(new PiiAccessFilter(Page: 1, PageSize: 3), ct);
        Assert.Equal((4, 1), (page.Total, page.Rows.Count));
        Assert.Equal(first, page.Rows[0].ComplaintNumber); // newest first: the last page holds the oldest
    }

    [Fact]
    public async Task The_access_log_cannot_be_rewritten_in_the_database()
    {
        var number = await RegisterHuangAsync();
        await _db.Complaints.RevealCustomerAsync(number, await _db.StaffAsync("handler"), PiiAccessKind.CustomerCard, TestContext.Current.CancellationToken);
        await using var db = _db.NewContext();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"PiiAccessEvents\" SET \"Detail\" = 'x'", TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"PiiAccessEvents\"", TestContext.Current.CancellationToken));
    }
}

public sealed class PiiAccessLogTestsOnSqlite() : PiiAccessLogTests(DatabaseProvider.Sqlite);

public sealed class PiiAccessLogTestsOnPostgres() : PiiAccessLogTests(DatabaseProvider.Postgres);
