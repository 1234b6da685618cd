using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Evidence;
using PowerService.Domain.Privacy;
using PowerService.Tests.Domain.Evidence;
using PowerService.Tests.Support;
using PowerService.Web.Features.Evidence;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Evidence;

/// <summary>
/// Evidence on a real database, with its bytes in the database or in a directory: they come back byte for
/// byte with their hash, a removal keeps the original, changed bytes are never served, the database refuses
/// rewrites, and two people acting at once get one success and one clear conflict.
/// </summary>
public abstract class EvidenceStorageTests(DatabaseProvider provider, EvidenceStoreKind store) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    protected bool Sqlite => provider == DatabaseProvider.Sqlite;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider, new Dictionary<string, string?>
    {
        ["Evidence:Store"] = store.ToString(),
        ["Evidence:Directory"] = "{folder}/evidence",
    });

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private EvidenceService Evidence => _db.Services.GetRequiredService<EvidenceService>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Number, StaffUser Handler)> DispatchedAsync()
    {
        var handler = await _db.StaffAsync("handler");
        return (await Scenarios.DispatchedAsync(_db.Complaints, await _db.StaffAsync("agent"), handler), handler);
    }

    private async Task AttachAsync(string number, StaffUser by, string name, byte[] content)
    {
        var outcome = await Evidence.AttachAsync(number, by, name, content, Ct);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }

    [Fact]
    public async Task Attachments_round_trip_byte_for_byte_with_their_hash()
    {
        var (number, handler) = await DispatchedAsync();
        var photo = EvidenceBuilder.Jpeg(seed: 11, size: 300_000);
        var letter = EvidenceBuilder.Pdf(seed: 12, size: 120_000);

        await AttachAsync(number, handler, "现场照片.jpg", photo);
        await AttachAsync(number, handler, "停电通知单.pdf", letter);

        var complaint = await _db.LoadAsync(number);
        Assert.Equal([("现场照片.jpg", EvidenceKind.Image, "image/jpeg", 300_000L), ("停电通知单.pdf", EvidenceKind.Pdf, "application/pdf", 120_000L)],
            complaint.Evidence.Select(e => (e.FileName, e.Kind, e.ContentType, e.Size)));
        foreach (var (item, bytes) in complaint.Evidence.Zip([photo, letter]))
        {
            var download = await Evidence.OpenAsync(number, item.Sequence, handler, inline: false, Ct);
            Assert.Equal(bytes, download.File!.Content);
            Assert.Equal(EvidenceHash.Of(bytes), item.Sha256);
            Assert.Equal(item.Sha256, download.File.Sha256);
            Assert.Contains(complaint.Timeline, e => e.Trigger == LoopTrigger.AttachEvidence && e.Summary.EndsWith(item.Sha256) && e.ActorName == "李强");
        }
        Assert.Null(complaint.FirstTamperedEvent);
        Assert.Equal(photo, (await Evidence.OpenAsync(number, 1, handler, inline: true, Ct)).File!.Content); // the preview serves the same bytes
        Assert.Equal(EvidenceDownload.NotFound, await Evidence.OpenAsync(number, 2, handler, inline: true, Ct)); // a PDF is downloaded, not shown in the page
    }

    [Fact]
    public async Task Bytes_go_to_the_configured_store()
    {
        var (number, handler) = await DispatchedAsync();
        var photo = EvidenceBuilder.Jpeg(seed: 21);

        await AttachAsync(number, handler, "现场照片.jpg", photo);

        await using var db = _db.NewContext();
        var inDatabase = await db.EvidenceContents.CountAsync(Ct);
        var file = Path.Combine(_db.Folder, "evidence", EvidenceHash.Of(photo)[..2], EvidenceHash.Of(photo));
        if (store == EvidenceStoreKind.Database)
        {
            Assert.Equal(1, inDatabase);
            Assert.False(Directory.Exists(Path.Combine(_db.Folder, "evidence")));
        }
        else
        {
            Assert.Equal(0, inDatabase);
            Assert.Equal(photo, await File.ReadAllBytesAsync(file, Ct));
            Assert.Single(Directory.GetFiles(Path.Combine(_db.Folder, "evidence"), "*", SearchOption.AllDirectories)); // no temporary file left behind
        }
        Assert.Equal(store.ToString(), await db.EvidenceItems.Select(e => EF.Property<string>(e, "Store")).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_removed_attachment_keeps_its_original_for_managers_and_leaves_the_others_view()
    {
        var (number, handler) = await DispatchedAsync();
        var photo = EvidenceBuilder.Jpeg(seed: 31);
        await AttachAsync(number, handler, "现场照片.jpg", photo);

        var removed = await Evidence.RemoveAsync(number, (await _db.LoadAsync(number)).Revision, handler, 1, "误传了其他客户的照片", Ct);

        Assert.True(removed.Succeeded, string.Join("；", removed.Result.Reasons));
        var item = Assert.Single((await _db.LoadAsync(number)).Evidence);
        Assert.Equal((true, "李强", "误传了其他客户的照片"), (item.IsRemoved, item.RemovedByName, item.RemovalReason));
        Assert.Equal(photo, await Evidence.ReadAsync(item, Ct)); // the original is kept
        Assert.Equal(photo, (await Evidence.OpenAsync(number, 1, await _db.StaffAsync("manager"), inline: false, Ct)).File!.Content);
        Assert.Equal(EvidenceDownload.NotFound, await Evidence.OpenAsync(number, 1, handler, inline: false, Ct));
        Assert.Contains((await _db.LoadAsync(number)).Timeline, e => e.Trigger == LoopTrigger.RemoveEvidence && e.Summary.Contains("原件保留") && e.Summary.EndsWith(item.Sha256));
    }

    [Fact]
    public async Task Roles_that_must_not_see_customer_data_and_people_outside_the_scope_get_nothing_and_a_download_is_logged()
    {
        var (number, handler) = await DispatchedAsync();
        await AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 41));

        foreach (var outsider in new[] { "admin", "auditor", "trainer", "handler3" })
            Assert.Equal(EvidenceDownload.NotFound, await Evidence.OpenAsync(number, 1, await _db.StaffAsync(outsider), inline: false, Ct));
        Assert.NotNull((await Evidence.OpenAsync(number, 1, handler, inline: false, Ct)).File);
        Assert.NotNull((await Evidence.OpenAsync(number, 1, handler, inline: true, Ct)).File);

        var log = await _db.Services.GetRequiredService<PowerService.Web.Features.Privacy.PiiAccessLog>().PageAsync(new(Complaint: number), Ct);
        Assert.Equal([(PiiAccessKind.EvidenceView, "查看证据 #1《现场照片.jpg》"), (PiiAccessKind.EvidenceDownload, "下载证据 #1《现场照片.jpg》")],
            log.Rows.Select(r => (r.Kind, r.Detail)));
        Assert.All(log.Rows, r => Assert.Equal("李强", r.UserName));
    }

    [Fact]
    public async Task Changed_bytes_are_never_served_and_raise_an_integrity_alert()
    {
        var (number, handler) = await DispatchedAsync();
        var photo = EvidenceBuilder.Jpeg(seed: 51);
        await AttachAsync(number, handler, "现场照片.jpg", photo);
        var forged = EvidenceBuilder.Jpeg(seed: 52);

        if (store == EvidenceStoreKind.Directory)
            await File.WriteAllBytesAsync(Path.Combine(_db.Folder, "evidence", EvidenceHash.Of(photo)[..2], EvidenceHash.Of(photo)), forged, Ct);
        else
        {
            await ExecuteAsync(Sqlite ? "DROP TRIGGER EvidenceContents_no_update" : "DROP TRIGGER \"EvidenceContents_no_update\" ON \"EvidenceContents\"");
            await using var db = _db.NewContext();
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"EvidenceContents\" SET \"Content\" = {forged}", Ct);
        }

        var download = await Evidence.OpenAsync(number, 1, handler, inline: false, Ct);

        Assert.Equal((null, 409, EvidenceService.Tampered), (download.File, download.Status, download.Message));
        var alert = Assert.Single(await _db.Services.GetRequiredService<PowerService.Web.Features.Integrity.IntegrityAlarm>().OpenAlertsAsync(Ct));
        Assert.Equal((number, "证据 #1《现场照片.jpg》与 SHA-256 不符"), (alert.Number, alert.What));
    }

    [Fact]
    public async Task The_database_refuses_to_rewrite_or_delete_the_evidence()
    {
        var (number, handler) = await DispatchedAsync();
        await AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 61));

        string[] refused =
        [
            "UPDATE \"EvidenceItems\" SET \"Sha256\" = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'",
            "UPDATE \"EvidenceItems\" SET \"FileName\" = 'other.jpg', \"RemovedAt\" = 1, \"RemovalReason\" = 'x', \"RemovedById\" = 'x', \"RemovedByName\" = 'x'",
            "DELETE FROM \"EvidenceItems\"",
            .. store == EvidenceStoreKind.Database ? ["UPDATE \"EvidenceContents\" SET \"Content\" = \"Content\"", "DELETE FROM \"EvidenceContents\""] : Array.Empty<string>(),
        ];
        foreach (var sql in refused)
            await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync(Sqlite ? sql : sql.Replace("\"RemovedAt\" = 1", "\"RemovedAt\" = now()")));
        Assert.False(Assert.Single((await _db.LoadAsync(number)).Evidence).IsRemoved);
    }

    [Fact]
    public async Task Two_people_removing_the_same_attachment_at_once_give_one_removal_and_one_clear_conflict()
    {
        var (number, handler) = await DispatchedAsync();
        await AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 71));
        var seen = (await _db.LoadAsync(number)).Revision;
        await using var other = _db.OpenAnotherInstance();
        var otherEvidence = other.GetRequiredService<EvidenceService>();
        var manager = await _db.StaffAsync("manager");

        var outcomes = await Task.WhenAll(
            Task.Run(() => Evidence.RemoveAsync(number, seen, handler, 1, "照片拍错了对象", Ct), Ct),
            Task.Run(() => otherEvidence.RemoveAsync(number, seen, manager, 1, "与本案无关的材料", Ct), Ct));

        Assert.Single(outcomes, o => o.Succeeded);
        var loser = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.True(loser.Conflict, string.Join("；", loser.Result.Reasons));
        Assert.StartsWith("该投诉已被", Assert.Single(loser.Result.Reasons));
        var complaint = await _db.LoadAsync(number);
        Assert.Single(complaint.Timeline, e => e.Trigger == LoopTrigger.RemoveEvidence);
        Assert.True(complaint.Evidence[0].IsRemoved);
    }

    [Fact]
    public async Task A_removal_from_a_page_older_than_the_complaint_is_a_conflict_but_an_upload_still_lands()
    {
        var (number, handler) = await DispatchedAsync();
        await AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 81));
        var seen = (await _db.LoadAsync(number)).Revision;
        var noted = await _db.Complaints.ActAsync(number, seen, handler, null, (c, ctx) => c.AddNote(new ProgressNote("已约客户明日上门"), ctx), Ct);
        Assert.True(noted.Succeeded);

        var removal = await Evidence.RemoveAsync(number, seen, await _db.StaffAsync("manager"), 1, "与本案无关的材料", Ct);
        var upload = await Evidence.AttachAsync(number, await _db.StaffAsync("agent"), "通话录音.mp3", EvidenceBuilder.Mp3Frames(seed: 82), Ct);

        Assert.True(removal.Conflict);
        Assert.Contains("进度备注", Assert.Single(removal.Result.Reasons));
        Assert.True(upload.Succeeded, string.Join("；", upload.Result.Reasons));
        var complaint = await _db.LoadAsync(number);
        Assert.Equal([(1, false), (2, false)], complaint.Evidence.Select(e => (e.Sequence, e.IsRemoved)));
        Assert.Equal("王芳", complaint.Evidence[1].UploadedBy.DisplayName);
    }

    [Fact]
    public async Task Refused_files_store_nothing()
    {
        var (number, handler) = await DispatchedAsync();

        var program = await Evidence.AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Exe(), Ct);
        var stranger = await Evidence.AttachAsync(number, await _db.StaffAsync("handler3"), "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 91), Ct);

        Assert.Contains("Windows 可执行程序", Assert.Single(program.Result.Reasons));
        Assert.StartsWith("“上传证据”只能由", Assert.Single(stranger.Result.Reasons));
        Assert.Empty((await _db.LoadAsync(number)).Evidence);
        await using var db = _db.NewContext();
        Assert.Equal(0, await db.EvidenceContents.CountAsync(Ct));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = _db.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }
}

public sealed class EvidenceStorageTestsOnSqlite() : EvidenceStorageTests(DatabaseProvider.Sqlite, EvidenceStoreKind.Database);

public sealed class EvidenceStorageTestsOnPostgres() : EvidenceStorageTests(DatabaseProvider.Postgres, EvidenceStoreKind.Database);

public sealed class EvidenceDirectoryTestsOnSqlite() : EvidenceStorageTests(DatabaseProvider.Sqlite, EvidenceStoreKind.Directory);

public sealed class EvidenceDirectoryTestsOnPostgres() : EvidenceStorageTests(DatabaseProvider.Postgres, EvidenceStoreKind.Directory);
