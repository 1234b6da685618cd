using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Documents;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Integrity;

namespace PowerService.Tests.Data;

/// <summary>A record that proves itself: sealed timelines, documents checked on download, and a database that refuses rewrites.</summary>
public abstract class TamperEvidenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private bool Sqlite => provider == DatabaseProvider.Sqlite;

    private IntegrityService Integrity => _db.Services.GetRequiredService<IntegrityService>();

    private async Task<string> IssuedReplyAsync()
    {
        var number = await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, await _db.StaffAsync("agent"), await _db.StaffAsync("handler"));
        var documents = _db.Services.GetRequiredService<DocumentService>();
        var issued = await documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.Reply12398, await _db.StaffAsync("manager"), ct: TestContext.Current.CancellationToken);
        Assert.True(issued.Succeeded, string.Join("；", issued.Result.Reasons));
        return number;
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var db = _db.NewContext();
        return await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    /// <summary>What someone with the database's own rights can do: remove the app's triggers.</summary>
    private Task DropTriggersAsync() => ExecuteAsync(Sqlite
        ? "DROP TRIGGER TimelineEvents_no_update; DROP TRIGGER IssuedDocuments_no_update;"
        : "DROP TRIGGER \"TimelineEvents_no_update\" ON \"TimelineEvents\"; DROP TRIGGER \"IssuedDocuments_no_update\" ON \"IssuedDocuments\";");

    [Fact]
    public async Task Every_entry_is_sealed_and_the_chain_verifies_after_being_read_back()
    {
        var number = await IssuedReplyAsync();

        var complaint = await _db.LoadAsync(number);

        Assert.True(complaint.Timeline.Count >= 7);
        Assert.All(complaint.Timeline, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash!));
        Assert.Null(complaint.FirstTamperedEvent);
        Assert.Empty(await Integrity.VerifyAllAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("UPDATE \"TimelineEvents\" SET \"Summary\" = '已处理' WHERE \"Sequence\" = 2")]
    [InlineData("UPDATE \"TimelineEvents\" SET \"Hash\" = NULL WHERE \"Sequence\" = 2")]
    [InlineData("DELETE FROM \"TimelineEvents\" WHERE \"Sequence\" = 3")]
    [InlineData("UPDATE \"IssuedDocuments\" SET \"Sha256\" = 'x'")]
    [InlineData("DELETE FROM \"IssuedDocuments\"")]
    [InlineData("INSERT INTO \"TimelineEvents\" (\"ComplaintId\", \"Sequence\", \"ActorId\", \"ActorName\", \"At\", \"ToStage\", \"Summary\") SELECT \"ComplaintId\", 99, 'x', 'x', \"At\", \"ToStage\", '补记' FROM \"TimelineEvents\" WHERE \"Sequence\" = 1")]
    public async Task The_database_refuses_to_rewrite_the_evidence_whoever_connects(string sql)
    {
        await IssuedReplyAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync(sql));
    }

    [Fact]
    public async Task An_entry_edited_around_the_triggers_is_caught_on_read_and_by_the_verification()
    {
        var number = await IssuedReplyAsync();
        await DropTriggersAsync();
        Assert.Equal(1, await ExecuteAsync("UPDATE \"TimelineEvents\" SET \"Summary\" = '责任认定：第三方责任' WHERE \"Sequence\" = 3 AND \"ComplaintId\" = (SELECT \"Id\" FROM \"Complaints\" WHERE \"Number\" = '" + number + "')"));

        var complaint = await _db.LoadAsync(number);

        Assert.Equal(3, complaint.FirstTamperedEvent);
        var finding = Assert.Single(await Integrity.VerifyAllAsync(TestContext.Current.CancellationToken), f => f.What.StartsWith("处理记录"));
        Assert.Equal((number, "处理记录第 3 条起与签章不符（记录被改动、删除或插入）"), (finding.Number, finding.What));
        Assert.Contains(_db.Log.Problems, p => p.Message.Contains($"Integrity check of {number}"));

        // Admins are alerted: one open alert, counted on each sighting, closed by an admin, opened again when seen again.
        var ct = TestContext.Current.CancellationToken;
        var alarm = _db.Services.GetRequiredService<PowerService.Web.Features.Integrity.IntegrityAlarm>();
        async Task<PowerService.Web.Data.IntegrityAlert?> TimelineAlertAsync() => (await alarm.OpenAlertsAsync(ct)).SingleOrDefault(a => a.What == finding.What);
        Assert.Equal(2, await alarm.OpenCountAsync(ct)); // the timeline, and the reply whose issue it no longer proves
        var alert = (await TimelineAlertAsync())!;
        Assert.Equal((number, 2), (alert.Number, alert.Occurrences)); // the read, then the verification
        Assert.Null(await alarm.CloseAsync(alert.Id, "系统管理员", ct));
        Assert.Equal("系统管理员", await alarm.CloseAsync(alert.Id, "另一位管理员", ct)); // the second admin learns who was first
        Assert.Null(await TimelineAlertAsync());
        await _db.LoadAsync(number); // still wrong: seen again, open again
        Assert.Equal(3, (await TimelineAlertAsync())!.Occurrences);
    }

    [Fact]
    public async Task Two_instances_seeing_the_same_broken_record_at_once_open_one_alert_and_count_both()
    {
        var ct = TestContext.Current.CancellationToken;
        var finding = new IntegrityFinding("TS202611230001", "处理记录第 2 条起与签章不符（记录被改动、删除或插入）");
        await using var other = _db.OpenAnotherInstance();

        await Task.WhenAll(
            Task.Run(() => _db.Services.GetRequiredService<IntegrityAlarm>().ReportAsync(finding, ct), ct),
            Task.Run(() => other.GetRequiredService<IntegrityAlarm>().ReportAsync(finding, ct), ct));

        var alert = Assert.Single(await _db.Services.GetRequiredService<IntegrityAlarm>().OpenAlertsAsync(ct));
        Assert.Equal(2, alert.Occurrences);
        Assert.DoesNotContain(_db.Log.Problems, p => p.Message.Contains("Storing the integrity alert"));
    }

    [Fact]
    public async Task Replaced_document_bytes_are_never_served()
    {
        await IssuedReplyAsync();
        await using (var db = _db.NewContext())
            Assert.NotNull((await Integrity.VerifiedFileAsync(await db.IssuedDocumentFiles.Select(f => f.Id).SingleAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)).File);
        await DropTriggersAsync();
        // Replace the bytes and their recorded hash together, as a careful forger would.
        var forged = new byte[] { 0x25, 0x50, 0x44, 0x46 };
        var forgedHash = DocumentRenderer.Sha256(forged);
        await using (var db = _db.NewContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"IssuedDocuments\" SET \"Content\" = {forged}, \"Sha256\" = {forgedHash}", TestContext.Current.CancellationToken);

        long id;
        await using (var db = _db.NewContext()) id = await db.IssuedDocumentFiles.Select(f => f.Id).SingleAsync(TestContext.Current.CancellationToken);
        var (file, _, finding) = await Integrity.VerifiedFileAsync(id, TestContext.Current.CancellationToken);

        Assert.Null(file);
        Assert.Contains("内容与签发时记录的 SHA-256 不符", finding!.What);
    }

    [Fact]
    public async Task Entries_recorded_before_seals_are_sealed_once_and_then_locked()
    {
        var number = await IssuedReplyAsync();
        await _db.MigrateToBeforeAsync("TimelineSeals");
        await using (var db = _db.NewContext())
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken); // back up: the entries have no seal now
        Assert.All((await _db.LoadAsync(number)).Timeline, e => Assert.Null(e.Hash));

        await using (var db = _db.NewContext())
            Assert.True(await LegacyTimelineSealing.SealAsync(db, TestContext.Current.CancellationToken) >= 7);

        var complaint = await _db.LoadAsync(number);
        Assert.Null(complaint.FirstTamperedEvent);
        await using (var db = _db.NewContext())
            Assert.Equal(0, await LegacyTimelineSealing.SealAsync(db, TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => ExecuteAsync("UPDATE \"TimelineEvents\" SET \"Hash\" = 'ab' WHERE \"Sequence\" = 1"));
    }
}

public sealed class TamperEvidenceTestsOnSqlite() : TamperEvidenceTests(DatabaseProvider.Sqlite);

public sealed class TamperEvidenceTestsOnPostgres() : TamperEvidenceTests(DatabaseProvider.Postgres);
