using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Tests.Documents;
using PowerService.Tests.Support;
using PowerService.Web.Features.Documents;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Data;

/// <summary>Issuing freezes a document: exact bytes, SHA-256 on the timeline, versions kept, download unchanged.</summary>
public abstract class DocumentIssueTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private DocumentService Documents => _db.Services.GetRequiredService<DocumentService>();

    /// <summary>The documents page as a manager sees it (a preview is logged under their name).</summary>
    private async Task<DocumentView?> ViewAsync(string number, DocumentKind kind, CancellationToken ct) =>
        await Documents.ViewAsync(number, kind, await _db.StaffAsync("manager"), ct);

    private async Task<string> Regulator12398AtImproveAsync() =>
        await Scenarios.Regulator12398AtImproveAsync(_db.Complaints, _db.Time, await _db.StaffAsync("agent"), await _db.StaffAsync("handler"));

    [Fact]
    public async Task Issuing_stores_the_exact_bytes_with_their_hash_and_a_reissue_is_a_new_version()
    {
        var number = await Regulator12398AtImproveAsync();
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;

        var preview = await ViewAsync(number, DocumentKind.Reply12398, ct);
        Assert.Empty(preview!.Missing);
        Assert.NotEmpty(preview.PreviewPages);

        var first = await Documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.Reply12398, manager, ct: ct);
        _db.Time.Advance(TimeSpan.FromHours(1));
        await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, manager, null, (c, ctx) => c.Improve(Plan, ctx), ct); // changes 四、整改措施
        var second = await Documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.Reply12398, manager, "补充整改措施", ct);

        Assert.True(first.Succeeded && second.Succeeded);
        var issued = (await ViewAsync(number, DocumentKind.Reply12398, ct))!.Issued;
        Assert.Equal([2, 1], issued.Select(v => v.Version));
        foreach (var version in issued)
        {
            var file = (await Documents.FileAsync(version.FileId, await _db.StaffAsync("manager"), ct)).File!;
            Assert.Equal(version.Sha256, DocumentRenderer.Sha256(file.Content));
            Assert.Contains("NEA20261123001", PdfText.Extract(file.Content));
        }
        var complaint = await _db.LoadAsync(number);
        Assert.Equal(issued.Select(v => v.Sha256).Reverse(), complaint.IssuedDocuments.Select(d => d.Sha256));
        Assert.Contains(complaint.Timeline, e => e.Trigger == LoopTrigger.IssueDocument && e.Summary.EndsWith(issued[1].Sha256) && e.ActorName == "赵敏");
    }

    [Fact]
    public async Task A_reissue_needs_a_reason_and_new_content_and_prints_its_reason()
    {
        var number = await Regulator12398AtImproveAsync();
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;
        Task<PowerService.Web.Features.Complaints.ActionOutcome> Issue(string? reason) =>
            _db.LoadAsync(number).ContinueWith(c => Documents.IssueAsync(number, c.Result.Revision, DocumentKind.Reply12398, manager, reason, ct), ct).Unwrap();

        Assert.True((await Issue(null)).Succeeded);
        _db.Time.Advance(TimeSpan.FromHours(1));

        var noReason = await Issue(null);
        Assert.False(noReason.Succeeded);
        Assert.Contains(new PowerService.Domain.Text.FieldError(nameof(DocumentIssueRequest.Reason), "重新签发须说明原因（如更正内容）"), noReason.Result.Errors);

        var identical = await Issue("再签一次"); // an hour later, so the PDF bytes differ; the content does not
        Assert.Equal("内容与第 1 版相同，无需重新签发", Assert.Single(identical.Result.Reasons));
        Assert.Single((await ViewAsync(number, DocumentKind.Reply12398, ct))!.Issued);

        Assert.True((await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, manager, null, (c, ctx) => c.Improve(Plan, ctx), ct)).Succeeded);
        var changed = await Issue("补充整改措施");
        Assert.True(changed.Succeeded, string.Join("；", changed.Result.Reasons));

        var versions = (await ViewAsync(number, DocumentKind.Reply12398, ct))!.Issued;
        Assert.Equal([(2, "补充整改措施"), (1, (string?)null)], versions.Select(v => (v.Version, v.Reason)));
        var text = PdfText.Squeeze(PdfText.Extract((await Documents.FileAsync(versions[0].FileId, await _db.StaffAsync("manager"), ct)).File!.Content));
        Assert.Contains("第2版，重新签发原因：补充整改措施", text);
        Assert.DoesNotContain("重新签发原因", PdfText.Extract((await Documents.FileAsync(versions[1].FileId, await _db.StaffAsync("manager"), ct)).File!.Content));

        var complaint = await _db.LoadAsync(number); // reason and fingerprint survive the round trip
        Assert.Contains(complaint.Timeline, e => e.Trigger == LoopTrigger.IssueDocument && e.Summary.Contains("第 2 版，重新签发原因：补充整改措施"));
        Assert.All(complaint.IssuedDocuments, d => Assert.Matches("^[0-9a-f]{64}$", d.ContentSha256!));
        Assert.Equal("内容与第 2 版相同，无需重新签发", Assert.Single((await Issue("又一次")).Result.Reasons));
    }

    [Fact]
    public async Task A_12398_complaint_closes_once_its_reply_is_issued()
    {
        var number = await Regulator12398AtImproveAsync();
        var manager = await _db.StaffAsync("manager");

        var early = await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, manager, null, (c, ctx) => c.Improve(Plan, ctx), TestContext.Current.CancellationToken);
        Assert.Contains("须先签发", Assert.Single(early.Result.Reasons));

        await Documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.Reply12398, manager, ct: TestContext.Current.CancellationToken);
        var closed = await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, manager, null, (c, ctx) => c.Improve(Plan, ctx), TestContext.Current.CancellationToken);

        Assert.True(closed.Succeeded);
        Assert.Equal(Stage.Closed, (await _db.LoadAsync(number)).Stage);
    }

    [Fact]
    public async Task A_case_file_reissued_after_reload_is_a_duplicate_until_the_record_changes()
    {
        var number = await Regulator12398AtImproveAsync();
        var manager = await _db.StaffAsync("manager");
        var ct = TestContext.Current.CancellationToken;
        async Task<PowerService.Web.Features.Complaints.ActionOutcome> Issue(string? reason) =>
            await Documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.CaseFile, manager, reason, ct);

        Assert.True((await Issue(null)).Succeeded);
        _db.Time.Advance(TimeSpan.FromMinutes(5));

        // The reloaded case file lists its own first issue on the timeline; that is not new content.
        Assert.Equal("内容与第 1 版相同，无需重新签发", Assert.Single((await Issue("归档前复核")).Result.Reasons));
        Assert.Equal("内容与第 1 版相同，无需重新签发", (await ViewAsync(number, DocumentKind.CaseFile, ct))!.Unchanged);

        await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, manager, null, (c, ctx) => c.AddNote(new ProgressNote("补充现场照片 3 张"), ctx), ct);
        Assert.Null((await ViewAsync(number, DocumentKind.CaseFile, ct))!.Unchanged);
        Assert.True((await Issue("补充现场照片记录")).Succeeded);
    }

    [Fact]
    public async Task A_document_that_does_not_apply_is_neither_shown_issued_nor_downloaded()
    {
        var ct = TestContext.Current.CancellationToken;
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent")); // a 95598 complaint
        var complaint = await _db.LoadAsync(number);

        var issued = await Documents.IssueAsync(number, complaint.Revision, DocumentKind.Reply12398, await _db.StaffAsync("manager"), ct: ct);
        Assert.Equal("本投诉来自95598热线，不是 12398 转办工单，没有《12398能源监管热线投诉处理情况回复》", Assert.Single(issued.Result.Reasons));
        Assert.Null(await ViewAsync(number, DocumentKind.Reply12398, ct));

        // A stored file of a kind the complaint does not have (never issued through the domain) is not served by /documents/{id}.
        await using var db = _db.NewContext();
        var stray = new PowerService.Web.Data.IssuedDocumentFile
        {
            ComplaintId = complaint.Id, Number = number, Kind = DocumentKind.Reply12398, Version = 1, Sha256 = new string('a', 64),
            Content = [1, 2, 3], IssuedAt = _db.Time.GetUtcNow(), IssuedBy = "测试",
        };
        db.IssuedDocumentFiles.Add(stray);
        await db.SaveChangesAsync(ct);
        Assert.Null((await Documents.FileAsync(stray.Id, await _db.StaffAsync("manager"), ct)).File);
    }

    [Fact]
    public async Task An_incomplete_document_is_not_issued_and_nothing_is_stored()
    {
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"), ValidIntake() with { Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001" });

        var view = await ViewAsync(number, DocumentKind.Reply12398, TestContext.Current.CancellationToken);
        var outcome = await Documents.IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.Reply12398, await _db.StaffAsync("manager"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(["调查结论（事实、原因、责任认定）", "处理结果与补偿", "与投诉人的沟通及其意见（回访结果）"], view!.Missing.Select(m => m.What));
        Assert.Empty(view.PreviewPages);
        Assert.False(outcome.Succeeded);
        Assert.Empty((await _db.LoadAsync(number)).IssuedDocuments);
        Assert.Empty((await ViewAsync(number, DocumentKind.Reply12398, TestContext.Current.CancellationToken))!.Issued);
    }
}

public sealed class DocumentIssueTestsOnSqlite() : DocumentIssueTests(DatabaseProvider.Sqlite);

public sealed class DocumentIssueTestsOnPostgres() : DocumentIssueTests(DatabaseProvider.Postgres);
