using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Tests.Support;
using PowerService.Web.Features.WorkOrders.Import;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Data.WorkOrders;

/// <summary>
/// A 50 MB export (generated here, never committed): accepted under the upload limit, streamed to disk,
/// previewed whole — every row read and checked, bad rows counted — without holding the file in memory.
/// The rows hold the longest content the intake allows, as a month of detailed 12345 orders does.
/// It runs alone (a collection without parallelisation) and samples the live heap after a full collection:
/// counting uncollected garbage, or other tests' objects, made the bound depend on the machine's gen0 budget
/// and on whatever ran beside it (CI once saw 68 MB that way).
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class LargeImportTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _folder = WorkOrderFiles.Folder();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_50_MB_csv_is_uploaded_and_previewed_with_every_bad_row_counted_in_bounded_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_folder, "12345-month.csv");
        var content = "客户反映：" + string.Concat(Enumerable.Repeat("近期多次停电，影响生活，要求核查线路并给出处理时限。", 36));
        var rows = 0;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
        {
            writer.Write(string.Join(",", Headers12398) + "\r\n");
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                rows++;
                var row = Valid(rows, $"GD12345{rows:D8}").With("诉求内容", content);
                if (rows % 1000 == 0) row = row.With("来电时间", "2026/11/31 8:30");
                writer.Write(string.Join(",", row.Select(c => c.Contains(',') ? $"\"{c}\"" : c)) + "\r\n");
            }
        }
        var agent = await _db.StaffAsync("agent");
        var jobs = _db.Services.GetRequiredService<ImportJobs>();
        Assert.True(jobs.MaxFileBytes >= 60L * 1024 * 1024);

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var stream = File.OpenRead(path);
        var (upload, problem) = await jobs.UploadAsync(stream, "12345-month.csv", agent, ct);
        Assert.Null(problem);
        Assert.Equal(new FileInfo(path).Length, upload!.Size);
        jobs.Analyse(upload.Id, Mapping12398, agent);
        AnalysisStatus? status = null;
        long peak = 0;
        for (var i = 0; i < 3000 && status is not { Done: true }; i++)
        {
            await Task.Delay(100, ct);
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            status = jobs.AnalysisOf(upload.Id, Mapping12398);
        }

        var preview = status!.Preview!;
        Assert.Equal((rows, rows / 1000, rows - rows / 1000), (preview.Total, preview.Invalid, preview.Valid));
        Assert.All(preview.Errors, e => Assert.Equal("来电时间", e.Column));
        // The file is 50 MB; its rows are never all in memory (the valid rows' keys are: a few MB).
        Assert.True(peak - before < 40L * 1024 * 1024, $"managed memory grew by {(peak - before) / 1048576} MB");

        var tooBig = jobs.MaxFileBytes + 1;
        await using var huge = new RepeatStream(tooBig);
        Assert.Equal($"文件超过 {jobs.MaxFileBytes / 1024 / 1024} MB 的上限，请分批导出后再导入", (await jobs.UploadAsync(huge, "huge.csv", agent, ct)).Problem);
    }

    /// <summary>A stream of the given length of commas, without the bytes in memory.</summary>
    private sealed class RepeatStream(long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)',');
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure the process's memory run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;
