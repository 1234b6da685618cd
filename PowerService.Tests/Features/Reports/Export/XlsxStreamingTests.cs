using System.Diagnostics;
using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PowerService.Web.Features.Reports.Export;

namespace PowerService.Tests.Features.Reports.Export;

/// <summary>
/// A large export leaves while it is written: bytes reach the output as rows are produced, in
/// pieces of bounded size, all by asynchronous writes (as an HTTP response needs). Memory is judged
/// by what the writer holds back — the output's growth and its largest single write — rather than
/// by process-wide heap figures, which tests running alongside would disturb.
/// </summary>
public sealed class XlsxStreamingTests
{
    private const int Rows = 100_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly SheetSpec Spec = new("全量明细",
    [
        new("投诉编号", 18), new("受理时间", 18, XlsxFormat.DateTime), new("办结日期", 12, XlsxFormat.Date),
        new("投诉类别", 12), new("责任部门", 16), new("超时次数", 10, XlsxFormat.Integer),
        new("处理时长（小时）", 14, XlsxFormat.Decimal1), new("满意率", 10, XlsxFormat.Percent1), new("是否重复", 10),
        new("诉求内容", 50), new("备注", 20), new("电量（千瓦时）", 14, XlsxFormat.Integer),
    ], ["投诉明细（全量）"]);

    private static readonly string[] Categories = ["供电质量", "停电问题", "电费抄核收", "业扩报装", "服务态度"];
    private static readonly string[] Departments = ["城区供电所", "营销部（计量）", "运维检修部", "客户服务中心"];

    /// <summary>Rows made on demand, as a database query would yield them; <paramref name="before"/> sees each row number first.</summary>
    internal static async IAsyncEnumerable<IReadOnlyList<object?>> Generate(int count, Action<int>? before = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= count; i++)
        {
            before?.Invoke(i);
            if (i % 500 == 0) await Task.Yield();
            yield return
            [
                $"TS2026{i:D8}", start.AddMinutes(i * 3), DateOnly.FromDateTime(start.AddMinutes(i * 3 + 4000).UtcDateTime),
                Categories[i % Categories.Length], Departments[i % Departments.Length], i % 7,
                i % 96 / 4.0, i % 101 / 100.0, i % 3 == 0,
                $"客户反映台区电压偏低，傍晚空调无法启动，要求尽快处理（第 {i} 件）", i % 10 == 0 ? null : "已回访", (long)i * 37,
            ];
        }
    }

    [Fact]
    public async Task A_hundred_thousand_rows_stream_out_while_they_are_written()
    {
        var output = new RecordingStream(); // refuses synchronous writes, like a response body
        var writtenBefore = new SortedDictionary<int, long>();
        var progress = new ListProgress();
        var clock = Stopwatch.StartNew();
        await using (var book = XlsxWriter.Create(output, "全量明细"))
        {
            await book.WriteSheetAsync(Spec, Generate(Rows, i => { if (i % 10_000 == 0) writtenBefore[i] = output.Written; }, Ct), progress, Ct);
            await book.CompleteAsync(Ct);
        }
        clock.Stop();
        var total = output.Written;

        // The file grows with every 10,000 rows, and half the rows in, about half of it is out.
        Assert.True(writtenBefore.Values.Zip(writtenBefore.Values.Skip(1)).All(pair => pair.Second > pair.First),
            string.Join(", ", writtenBefore.Select(p => $"{p.Key}: {p.Value}")));
        Assert.InRange(writtenBefore[50_000], total * 0.35, total * 0.65);
        // Nothing is held back in bulk: no single write is more than the spool's size and a little.
        Assert.InRange(output.LargestWrite, 1, 256 * 1024);
        Assert.True(output.Writes > total / (256 * 1024), $"{output.Writes} writes for {total} bytes");

        Assert.Equal(Enumerable.Range(1, Rows / 1_000).Select(n => n * 1_000), progress.Reports);
        // About 2 s alone on this machine (printed below); the bound only catches a slowdown of
        // another order, since the whole suite shares two cores.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");

        // And it is a whole workbook: every row is there, read back with the SDK's streaming reader.
        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        using var reader = OpenXmlReader.Create(part);
        var rows = 0;
        string? lastReference = null;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            rows++;
            lastReference = reader.Attributes.Single(a => a.LocalName == "r").Value;
        }
        Assert.Equal(Rows + 2, rows); // a title row and the header
        Assert.Equal((Rows + 2).ToString(), lastReference);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Rows:N0} rows × {Spec.Columns.Count} columns: {total / 1024.0 / 1024:F1} MB in {clock.Elapsed.TotalSeconds:F1} s, {output.Writes} writes, largest {output.LargestWrite / 1024} KB");
    }

    [Fact]
    public async Task Cancelling_mid_sheet_throws_and_leaves_no_workbook()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var output = new RecordingStream();
        var progress = new ListProgress();
        await using var book = XlsxWriter.Create(output, "全量明细");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            book.WriteSheetAsync(Spec, Generate(Rows, i => { if (i == 5_000) cancel.Cancel(); }, Ct), progress, cancel.Token));

        Assert.Equal([1_000, 2_000, 3_000, 4_000], progress.Reports);
        Assert.True(output.Written > 0); // rows had left before the cancellation
        await Assert.ThrowsAsync<InvalidOperationException>(() => book.CompleteAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => book.WriteSheetAsync(XlsxWriterTests.Details, Generate(1, null, Ct), null, Ct));
        AssertNoWorkbook(output.ToArray());
    }

    [Fact]
    public async Task A_failing_row_source_leaves_no_workbook()
    {
        var output = new RecordingStream();
        await using (var book = XlsxWriter.Create(output, "全量明细"))
        {
            var failing = Generate(3_000, i => { if (i == 2_500) throw new TimeoutException("数据库超时"); }, Ct);
            await Assert.ThrowsAsync<TimeoutException>(() => book.WriteSheetAsync(Spec, failing, null, Ct));
        }
        AssertNoWorkbook(output.ToArray());
    }

    [Fact]
    public async Task Disposing_without_completing_leaves_no_workbook()
    {
        // E.g. the caller's own code threw between two sheets: a report missing sheets must not pass for whole.
        var output = new RecordingStream();
        await using (var book = XlsxWriter.Create(output, "全量明细"))
        {
            await book.WriteSheetAsync(Spec, Generate(2_000, null, Ct), null, Ct);
        }
        Assert.True(output.Written > 0);
        AssertNoWorkbook(output.ToArray());
    }

    [Fact]
    public async Task The_synchronous_form_writes_the_same_bytes()
    {
        var created = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var asyncOutput = new RecordingStream();
        await using (var book = XlsxWriter.Create(asyncOutput, "同步与异步", created))
        {
            await book.WriteSheetAsync(Spec, Generate(3_000, null, Ct), null, Ct);
            await book.CompleteAsync(Ct);
        }
        var syncOutput = new MemoryStream();
        using (var book = XlsxWriter.Create(syncOutput, "同步与异步", created))
        {
            book.WriteSheet(Spec, Generate(3_000, null, Ct).ToBlockingEnumerable(Ct), null, Ct);
            book.Complete();
        }
        Assert.Equal(asyncOutput.ToArray(), syncOutput.ToArray());
    }

    private static void AssertNoWorkbook(byte[] bytes)
    {
        // An unfinished zip has no central directory: the SDK (like Excel) refuses it.
        var refused = Record.Exception(() => SpreadsheetDocument.Open(new MemoryStream(bytes), false).Dispose());
        Assert.NotNull(refused);
    }
}
