using Microsoft.Extensions.DependencyInjection;
using PowerService.Tests.Support;
using PowerService.Web.Features.WorkOrders.Import;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>
/// Files an import leaves (uploads nobody imported, rejected-row workbooks) are deleted once older than
/// <c>WorkOrderImport:KeepFilesFor</c>, on the app's clock; younger ones stay, and a forgotten upload
/// asks to be uploaded again.
/// </summary>
public sealed class ImportFileSweepTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(extra: new Dictionary<string, string?> { ["WorkOrderImport:Folder"] = "{folder}/imports", ["WorkOrderImport:KeepFilesFor"] = "7.00:00:00" });
        _folder = WorkOrderFiles.Folder();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Files_older_than_the_keep_period_are_deleted_and_younger_ones_stay()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = _db.Services.GetRequiredService<ImportJobs>();
        var agent = await _db.StaffAsync("agent");
        var source = Path.Combine(_folder, "12398.csv");
        WorkOrderFiles.Csv(source, Headers12398, [Valid(1)], System.Text.Encoding.UTF8, bom: true);
        await using var content = File.OpenRead(source);
        var (upload, problem) = await jobs.UploadAsync(content, "12398.csv", agent, ct);
        Assert.Null(problem);
        var folder = Path.Combine(_db.Folder, "imports");
        var uploaded = Assert.Single(Directory.GetFiles(folder));
        var oldRejected = Path.Combine(folder, $"{Guid.NewGuid():N}-rejected.xlsx");
        var youngRejected = Path.Combine(folder, $"{Guid.NewGuid():N}-rejected.xlsx");
        var leftByARestart = Path.Combine(folder, $"{Guid.NewGuid():N}.xlsx");
        var notOurs = Path.Combine(folder, "备份-powerservice.db"); // the folder may be shared: only the import's own names go
        foreach (var file in new[] { oldRejected, youngRejected, leftByARestart, notOurs }) await File.WriteAllTextAsync(file, "x", ct);
        var now = Start.UtcDateTime; // the app's clock in tests
        File.SetLastWriteTimeUtc(uploaded, now.AddDays(-8));
        File.SetLastWriteTimeUtc(oldRejected, now.AddDays(-7).AddMinutes(-1));
        File.SetLastWriteTimeUtc(leftByARestart, now.AddDays(-30));
        File.SetLastWriteTimeUtc(youngRejected, now.AddDays(-6));
        File.SetLastWriteTimeUtc(notOurs, now.AddDays(-60));

        Assert.Equal(3, jobs.Sweep());

        Assert.Equal(new[] { youngRejected, notOurs }.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Order(StringComparer.Ordinal));
        Assert.Equal("上传的文件已失效，请重新上传", (await jobs.StartAsync(upload!.Id, Mapping12398, "12398能源监管热线", agent, ct)).Refusal);
        Assert.Equal(0, jobs.Sweep());
    }
}
