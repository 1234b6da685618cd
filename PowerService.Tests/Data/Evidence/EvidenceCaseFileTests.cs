using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Documents;
using PowerService.Tests.Documents;
using PowerService.Tests.Domain.Evidence;
using PowerService.Tests.Support;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Evidence;

namespace PowerService.Tests.Data.Evidence;

/// <summary>The issued case file (投诉案卷) lists every attachment — name, kind, size, uploader and time, SHA-256 — removed ones marked; read back with pdftotext.</summary>
public sealed class EvidenceCaseFileTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_case_file_lists_the_evidence_with_hashes_and_marks_a_removed_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = await _db.StaffAsync("handler");
        var manager = await _db.StaffAsync("manager");
        var number = await Scenarios.DispatchedAsync(_db.Complaints, await _db.StaffAsync("agent"), handler);
        var evidence = _db.Services.GetRequiredService<EvidenceService>();
        Assert.True((await evidence.AttachAsync(number, handler, "现场照片.jpg", EvidenceBuilder.Jpeg(seed: 5, size: 300_000), ct)).Succeeded);
        Assert.True((await evidence.AttachAsync(number, handler, "通话录音.mp3", EvidenceBuilder.Mp3Frames(seed: 6, size: 1_500_000), ct)).Succeeded);
        Assert.True((await evidence.RemoveAsync(number, (await _db.LoadAsync(number)).Revision, manager, 2, "录音与本案无关", ct)).Succeeded);
        var items = (await _db.LoadAsync(number)).Evidence;

        var issued = await _db.Services.GetRequiredService<DocumentService>().IssueAsync(number, (await _db.LoadAsync(number)).Revision, DocumentKind.CaseFile, manager, ct: ct);

        Assert.True(issued.Succeeded, string.Join("；", issued.Result.Reasons));
        var documents = _db.Services.GetRequiredService<DocumentService>();
        var version = Assert.Single((await documents.ViewAsync(number, DocumentKind.CaseFile, manager, ct))!.Issued);
        var file = (await documents.DownloadAsync(version.FileId, manager, ct)).File!;
        await File.WriteAllBytesAsync(Artifacts.PathFor("documents", "case-file-with-evidence.pdf"), file.Content, ct);
        var text = PdfText.Squeeze(PdfText.Extract(file.Content));
        Assert.Contains("证据材料", text);
        Assert.Contains($"证据#1《现场照片.jpg》，JPEG图片，293KB，李强{PdfText.Squeeze(PowerService.Domain.Time.ChinaTime.Format(items[0].UploadedAt))}上传，SHA-256{items[0].Sha256}", text);
        Assert.Contains($"证据#2《通话录音.mp3》，MP3录音，1.4MB", text);
        Assert.Contains($"SHA-256{items[1].Sha256}【已移除：赵敏", text);
        Assert.Contains("原因：录音与本案无关；原件保留】", text);
    }
}
