using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PowerService.Tests.Support;
using PowerService.Web.Features.Reports.Export;

namespace PowerService.Tests.Features.Reports.Export;

/// <summary>
/// A real workbook written by <see cref="XlsxWriter"/>, validated by the Open XML SDK's own
/// validator and read back with the SDK: what Excel and WPS will open is what the SDK accepts.
/// </summary>
public sealed class XlsxWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Created = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    internal static readonly SheetSpec Details = new("投诉明细",
    [
        new("投诉编号", 18, XlsxFormat.Text),
        new("受理时间", 18, XlsxFormat.DateTime),
        new("办结日期", 12, XlsxFormat.Date),
        new("处理时长（小时）", 14.5, XlsxFormat.Decimal1),
        new("涉及户数", 10, XlsxFormat.Integer),
        new("满意率", 10, XlsxFormat.Percent1),
        new("是否重复", 10, XlsxFormat.Text),
        new("诉求内容", 60, XlsxFormat.Text),
    ], ["投诉明细表", "统计期间：2026-11-01 至 2026-11-30"]);

    private static readonly SheetSpec Departments = new("部门汇总",
    [
        new("部门", 20, XlsxFormat.Text),
        new("件数", 10, XlsxFormat.Integer),
        new("及时率", 10, XlsxFormat.Percent1),
    ]);

    private static readonly SheetSpec Empty = new("空表：无数据", [new("说明", 30, XlsxFormat.Text)]);

    private static readonly string LongText = new('电', 40_000);

    internal static IReadOnlyList<object?>[] DetailRows =>
    [
        // 01:30 UTC is 09:30 in China.
        ["TS202611230001", new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero), new DateOnly(2026, 11, 24), 12.345, 1_234_567, 0.8765, true,
            "客户反映\u0001电压\u0008不稳\r\n夜间频繁停电\u001F"],
        // 16:30 UTC on the 30th is already 00:30 on 1 December in China.
        ["TS202611300002", new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), null, 3m, 2L, 1.0, false, "=HYPERLINK(\"http://x\",\"点我\")"],
        [null, null, null, null, null, null, null, null],
        ["TS202611300003", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 1), double.NaN, 0, 0.0, null, LongText],
        ["  前后有空格  ", null, null, null, null, null, null, "字面 _x0041_ 不是转义"],
    ];

    private static readonly IReadOnlyList<object?>[] DepartmentRows =
    [
        ["城区供电所", 120, 0.95],
        ["营销部（计量）", 45, 0.8888],
        ["运维检修部", 0, null],
    ];

    private static async Task<byte[]> WriteSample()
    {
                var output = new RecordingStream();
        await using (var book = XlsxWriter.Create(output, "投诉月报 2026年11月", Created))
        {
            await book.WriteSheetAsync(Details, Async(DetailRows), null, Ct);
            await book.WriteSheetAsync(Departments, Async(DepartmentRows), null, Ct);
            await book.WriteSheetAsync(Empty, Async([]), null, Ct);
            await book.CompleteAsync(Ct);
        }
        var bytes = output.ToArray();
        File.WriteAllBytes(Artifacts.PathFor("exports", "sample.xlsx"), bytes);
        return bytes;
    }

    internal static async IAsyncEnumerable<IReadOnlyList<object?>> Async(IEnumerable<IReadOnlyList<object?>> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    [Fact]
    public async Task The_workbook_passes_the_SDK_validator()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteSample()), false);
        foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
        {
            var errors = new OpenXmlValidator(version).Validate(document, Ct).ToList();
            Assert.True(errors.Count == 0, $"{version}: " + string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public async Task Sheets_properties_views_widths_and_filters_read_back()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteSample()), false);
        Assert.Equal("投诉月报 2026年11月", document.PackageProperties.Title);
        Assert.Equal("PowerService", document.PackageProperties.Creator);
        Assert.Equal(Created.UtcDateTime, document.PackageProperties.Created?.ToUniversalTime());

        var workbook = document.WorkbookPart!.Workbook;
        Assert.Equal(new[] { "投诉明细", "部门汇总", "空表：无数据" }, workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));

        var details = Worksheet(document, "投诉明细");
        var pane = details.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.Pane!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(3, pane.VerticalSplit!.Value); // two title rows and the header
        Assert.Equal("A4", pane.TopLeftCell!.Value);
        Assert.Equal(new[] { 18, 18, 12, 14.5, 10, 10, 10, 60 }, details.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value));
        Assert.Equal("A3:H8", details.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal(new[] { "A1:H1", "A2:H2" }, details.Descendants<MergeCell>().Select(m => m.Reference!.Value!));

        var filterName = workbook.DefinedNames!.Elements<DefinedName>().First(n => n.LocalSheetId!.Value == 0);
        Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
        Assert.Equal("'投诉明细'!$A$3:$H$8", filterName.Text);

        var summary = Worksheet(document, "部门汇总");
        Assert.Equal(1, summary.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.Pane!.VerticalSplit!.Value);
        Assert.Equal("A1:C4", summary.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal("A1:A1", Worksheet(document, "空表：无数据").GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public async Task Titles_headers_and_values_read_back_as_written()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteSample()), false);
        var sheet = Worksheet(document, "投诉明细");
        Assert.Equal("投诉明细表", Text(sheet, "A1"));
        Assert.Equal("统计期间：2026-11-01 至 2026-11-30", Text(sheet, "A2"));
        Assert.Equal(new[] { "投诉编号", "受理时间", "办结日期", "处理时长（小时）", "涉及户数", "满意率", "是否重复", "诉求内容" },
            "ABCDEFGH".Select(c => Text(sheet, $"{c}3")));

        Assert.Equal("TS202611230001", Text(sheet, "A4"));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 0).ToOADate(), Number(sheet, "B4"), 9);
        Assert.Equal(new DateTime(2026, 11, 24).ToOADate(), Number(sheet, "C4"));
        Assert.Equal(12.345, Number(sheet, "D4"));
        Assert.Equal(1_234_567, Number(sheet, "E4"));
        Assert.Equal(0.8765, Number(sheet, "F4"));
        Assert.Equal("是", Text(sheet, "G4"));
        Assert.Equal("客户反映电压不稳\n夜间频繁停电", Text(sheet, "H4"));

        Assert.Equal(new DateTime(2026, 12, 1, 0, 30, 0).ToOADate(), Number(sheet, "B5"), 9);
        Assert.Null(Cell(sheet, "C5"));
        Assert.Equal(3, Number(sheet, "D5"));
        Assert.Equal("否", Text(sheet, "G5"));
        // An inline string is text, never a formula; the cell has no formula element.
        Assert.Equal("=HYPERLINK(\"http://x\",\"点我\")", Text(sheet, "H5"));
        Assert.Null(Cell(sheet, "H5")!.CellFormula);

        Assert.Empty(Row(sheet, 6).Elements<Cell>()); // a row of nulls
        Assert.Null(Cell(sheet, "D7")); // NaN has no cell form
        var cut = Text(sheet, "H7");
        Assert.Equal(XlsxWriter.MaxCellText, cut.Length);
        Assert.EndsWith("…（已截断）", cut);
        Assert.Equal("  前后有空格  ", Text(sheet, "A8"));
        Assert.Equal("字面 _x0041_ 不是转义", Text(sheet, "H8").Replace("_x005F", ""));
        Assert.Contains("_x005F_x0041_", Text(sheet, "H8")); // Excel reads _x005F_ as "_"

        var summary = Worksheet(document, "部门汇总");
        Assert.Equal("营销部（计量）", Text(summary, "A3"));
        Assert.Equal(0.8888, Number(summary, "C3"));
    }

    [Fact]
    public async Task Cells_carry_the_number_format_of_their_column()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteSample()), false);
        var sheet = Worksheet(document, "投诉明细");
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.Equal("0.0%", FormatCode(styles, Cell(sheet, "F4")!));
        Assert.Equal("yyyy-mm-dd", FormatCode(styles, Cell(sheet, "C4")!));
        Assert.Equal("yyyy-mm-dd hh:mm", FormatCode(styles, Cell(sheet, "B4")!));
        Assert.Equal("0.0", FormatCode(styles, Cell(sheet, "D4")!));
        Assert.Equal(3u, NumberFormatId(styles, Cell(sheet, "E4")!)); // built-in #,##0
        Assert.Equal(0u, NumberFormatId(styles, Cell(sheet, "A4")!));

        var header = (CellFormat)styles.CellFormats!.ElementAt((int)Cell(sheet, "A3")!.StyleIndex!.Value);
        var font = (Font)styles.Fonts!.ElementAt((int)header.FontId!.Value);
        Assert.NotNull(font.Bold);
        var fill = (Fill)styles.Fills!.ElementAt((int)header.FillId!.Value);
        Assert.Equal(PatternValues.Solid, fill.PatternFill!.PatternType!.Value);
    }

    [Fact]
    public async Task A_date_in_a_text_column_is_shown_as_a_date_not_a_serial()
    {
        var output = new RecordingStream();
        await using (var book = XlsxWriter.Create(output, "日期"))
        {
            await book.WriteSheetAsync(new SheetSpec("日期", [new("备注", 20)]),
                Async([[new DateOnly(2026, 11, 23)], [new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero)]]), null, Ct);
            await book.CompleteAsync(Ct);
        }
        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var sheet = Worksheet(document, "日期");
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.Equal("yyyy-mm-dd", FormatCode(styles, Cell(sheet, "A2")!));
        Assert.Equal("yyyy-mm-dd hh:mm", FormatCode(styles, Cell(sheet, "A3")!));
    }

    [Theory]
    [InlineData("投诉/明细")]
    [InlineData("[汇总]")]
    [InlineData("问题?")]
    [InlineData("a:b")]
    [InlineData("星号*")]
    [InlineData("反\\斜")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二")] // 32 characters
    [InlineData("")]
    [InlineData("'引号'")]
    public void A_sheet_name_Excel_refuses_is_a_programming_error(string name)
    {
        using var book = XlsxWriter.Create(new MemoryStream(), "x");
        Assert.Throws<ArgumentException>(() => book.WriteSheet(new SheetSpec(name, [new("列", 10)]), [], null, Ct));
    }

    [Fact]
    public void Sheet_names_are_unique_regardless_of_case()
    {
        using var book = XlsxWriter.Create(new MemoryStream(), "x");
        book.WriteSheet(new SheetSpec("Summary", [new("列", 10)]), [], null, Ct);
        book.WriteSheet(new SheetSpec("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", [new("列", 10)]), [], null, Ct); // 31 is fine
        Assert.Throws<ArgumentException>(() => book.WriteSheet(new SheetSpec("summary", [new("列", 10)]), [], null, Ct));
    }

    [Fact]
    public void A_row_of_the_wrong_width_or_an_ambiguous_value_is_refused()
    {
        using var book = XlsxWriter.Create(new MemoryStream(), "x");
        var spec = new SheetSpec("表", [new("甲", 10), new("乙", 10)]);
        Assert.Throws<ArgumentException>(() => book.WriteSheet(spec, [["只有一个"]], null, Ct));
        using var another = XlsxWriter.Create(new MemoryStream(), "x");
        // A DateTime does not say its zone; instants are DateTimeOffset.
        Assert.Throws<ArgumentException>(() => another.WriteSheet(spec, [[DateTime.Now, 1]], null, Ct));
    }

    internal static Worksheet Worksheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Row Row(Worksheet sheet, uint index) => sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == index);

    private static Cell? Cell(Worksheet sheet, string reference) => sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    private static string Text(Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference) ?? throw new Xunit.Sdk.XunitException($"No cell {reference}");
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString!.Text!.Text;
    }

    private static double Number(Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference) ?? throw new Xunit.Sdk.XunitException($"No cell {reference}");
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
        return double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static uint NumberFormatId(Stylesheet styles, Cell cell) =>
        ((CellFormat)styles.CellFormats!.ElementAt((int)(cell.StyleIndex?.Value ?? 0))).NumberFormatId!.Value;

    private static string FormatCode(Stylesheet styles, Cell cell)
    {
        var id = NumberFormatId(styles, cell);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }
}
