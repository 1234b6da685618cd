using System.Text;
using Microsoft.VisualBasic.FileIO;
using PowerService.Web.Features.Reports.Export;

namespace PowerService.Tests.Features.Reports.Export;

/// <summary>
/// The CSV export: bytes as Excel and WPS need them (BOM, CRLF), quoting as RFC 4180 says — read
/// back with .NET's own TextFieldParser, not a parser of ours — and no cell that a spreadsheet
/// would run as a formula.
/// </summary>
public sealed class CsvWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly XlsxColumn[] Columns =
    [
        new("投诉编号", 18), new("受理时间", 18, XlsxFormat.DateTime), new("办结日期", 12, XlsxFormat.Date),
        new("处理时长（小时）", 14, XlsxFormat.Decimal1), new("件数", 10, XlsxFormat.Integer), new("满意率", 10, XlsxFormat.Percent1),
        new("是否重复", 10), new("诉求内容", 50),
    ];

    private static readonly IReadOnlyList<object?>[] Rows =
    [
        // 16:30 UTC on 30 November is 00:30 on 1 December in China.
        ["TS202611300001", new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), new DateOnly(2026, 12, 2), 12.345, 1_234_567, 0.8765, true,
            "电压低，晚上\"一闪一闪\"\r\n已多次报修"],
        ["=HYPERLINK(\"http://evil\",\"点我\")", null, new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), -2.5, -3, 1.0, false, "+86 138 0000 8000"],
        ["-减免电费", "@SUM(A1)", null, null, null, null, null, "\t=1+1"],
        ["含,逗号", "控制\u0001字符", null, double.NaN, 0L, 0m, null, "普通文本 = 不在开头"],
    ];

    private static async Task<(byte[] Bytes, ListProgress Progress)> WriteSample()
    {
        var output = new RecordingStream(); // refuses synchronous writes, like a response body
        var progress = new ListProgress();
        await CsvWriter.WriteAsync(output, Columns, XlsxWriterTests.Async(Rows), progress, Ct);
        return (output.ToArray(), progress);
    }

    [Fact]
    public async Task Starts_with_a_BOM_and_ends_lines_with_CRLF()
    {
        var (bytes, _) = await WriteSample();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("投诉编号,受理时间,办结日期,处理时长（小时）,件数,满意率,是否重复,诉求内容\r\n", text);
        Assert.EndsWith("\r\n", text);
        // Every line break outside a quoted field is CRLF; inside one, the text's own (made LF).
        Assert.Equal(Rows.Length + 1, text.Split("\r\n").Length - 1);
    }

    [Fact]
    public async Task Fields_are_quoted_as_RFC_4180_says_and_read_back()
    {
        var (bytes, _) = await WriteSample();
        var lines = Parse(bytes);
        Assert.Equal(Rows.Length + 1, lines.Count);
        Assert.Equal(Columns.Select(c => c.Header), lines[0]);
        Assert.Equal(["TS202611300001", "2026-12-01 00:30", "2026-12-02", "12.3", "1234567", "87.7%", "是", "电压低，晚上\"一闪一闪\"\n已多次报修"], lines[1]);
        Assert.Equal("含,逗号", lines[4][0]);
        Assert.Equal("控制字符", lines[4][1]); // control characters dropped, as in the xlsx
        Assert.Equal(["", "0", "0.0%", ""], lines[4][3..7]); // NaN is an empty cell
        Assert.Contains("\"含,逗号\"", Encoding.UTF8.GetString(bytes));
        Assert.Contains("\"电压低，晚上\"\"一闪一闪\"\"\n已多次报修\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        var (bytes, _) = await WriteSample();
        var lines = Parse(bytes);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"点我\")", lines[2][0]);
        Assert.Equal("'+86 138 0000 8000", lines[2][7]);
        Assert.Equal("'-减免电费", lines[3][0]);
        Assert.Equal("'@SUM(A1)", lines[3][1]);
        Assert.Equal("'\t=1+1", lines[3][7]);
        Assert.Equal("普通文本 = 不在开头", lines[4][7]);
        // Numbers are ours, not text: a negative one stays a number.
        Assert.Equal(["-2.5", "-3", "100.0%"], lines[2][3..6]);
    }

    [Fact]
    public async Task Instants_are_China_time_and_a_DateTimeOffset_in_a_date_column_is_its_China_date()
    {
        var (bytes, _) = await WriteSample();
        var lines = Parse(bytes);
        Assert.Equal("2026-12-01 00:30", lines[1][1]);
        Assert.Equal("2026-12-01", lines[2][2]);
    }

    [Fact]
    public async Task Progress_is_reported_and_cancellation_stops_the_export()
    {
        var output = new RecordingStream();
        var progress = new ListProgress();
        await CsvWriter.WriteAsync(output, XlsxStreamingTests.Spec.Columns, XlsxStreamingTests.Generate(2_500, null, Ct), progress, Ct);
        Assert.Equal([1_000, 2_000, 2_500], progress.Reports);
        Assert.Equal(2_501, Parse(output.ToArray()).Count); // the header and the rows: no title line

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelled = new ListProgress();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CsvWriter.WriteAsync(new RecordingStream(), XlsxStreamingTests.Spec.Columns,
            XlsxStreamingTests.Generate(10_000, i => { if (i == 3_500) cancel.Cancel(); }, Ct), cancelled, cancel.Token));
        Assert.Equal([1_000, 2_000, 3_000], cancelled.Reports);
    }

    [Fact]
    public async Task Large_exports_leave_in_pieces_while_rows_are_written()
    {
        var output = new RecordingStream();
        long writtenAtHalf = 0;
        await CsvWriter.WriteAsync(output, XlsxStreamingTests.Spec.Columns,
            XlsxStreamingTests.Generate(20_000, i => { if (i == 10_000) writtenAtHalf = output.Written; }, Ct), null, Ct);
        Assert.InRange(writtenAtHalf, output.Written * 0.35, output.Written * 0.65);
        Assert.InRange(output.LargestWrite, 1, 256 * 1024);
    }

    [Fact]
    public async Task The_synchronous_form_writes_the_same_bytes()
    {
        var synchronous = new MemoryStream();
        CsvWriter.Write(synchronous, Columns, Rows, null, Ct);
        var (asynchronous, _) = await WriteSample();
        Assert.Equal(asynchronous, synchronous.ToArray());
    }

    private static List<string[]> Parse(byte[] bytes)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited, Delimiters = [","], HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false,
        };
        var lines = new List<string[]>();
        while (!parser.EndOfData) lines.Add(parser.ReadFields()!);
        return lines;
    }
}
