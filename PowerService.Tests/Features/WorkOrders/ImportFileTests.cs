using System.Text;
using PowerService.Domain.WorkOrders;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.WorkOrders.Import;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Features.WorkOrders;

/// <summary>Exports as the platforms and Chinese Excel/WPS save them, read into rows: encodings, quoting, title lines, Excel dates.</summary>
public sealed class ImportFileTests : IDisposable
{
    private readonly string _folder = WorkOrderFiles.Folder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[][] Rows =
    [
        Valid(1, "GD-0001").With("诉求内容", "客户反映：\"电费\"比上月高一倍，\r\n要求核查电表，并书面答复。").With("地址", "杭州市拱墅区湖墅南路 88 号，3 单元"),
        Valid(2, "GD-0002"),
    ];

    private ImportSheet Open(string name)
    {
        var (sheet, problem) = ImportSheet.Open(Path.Combine(_folder, name), ImportSheet.KindOf(name).Kind!.Value);
        Assert.Null(problem);
        return sheet!;
    }

    public static TheoryData<string, bool> Encodings => new() { { "utf-8", false }, { "utf-8", true }, { "gb18030", false }, { "gbk", false }, { "utf-16", true } };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_csv_in_UTF_8_with_or_without_BOM_GBK_or_GB18030_reads_the_same_with_quoted_commas_quotes_and_line_breaks(string encoding, bool bom)
    {
        var name = $"export-{encoding}-{bom}.csv";
        WorkOrderFiles.Csv(Path.Combine(_folder, name), Headers12398, Rows, encoding == "utf-8" ? new UTF8Encoding(false) : encoding == "utf-16" ? Encoding.Unicode : ImportEncodings.Gb18030.WebName == encoding ? ImportEncodings.Gb18030 : Gbk(), bom);

        var sheet = Open(name);
        var rows = sheet.DataRows().ToList();

        Assert.Equal(Headers12398, sheet.Headers);
        Assert.Equal([2, 3], rows.Select(r => r.Number));
        Assert.Equal(Rows[0], rows[0].Cells);
        Assert.Equal("客户反映：\"电费\"比上月高一倍，\r\n要求核查电表，并书面答复。", rows[0].Cells[7]);
        Assert.True(new WorkOrderRowParser(sheet.Headers, Mapping12398).Parse(rows[0], ComplaintBuilder.Start).Valid);
    }

    private static Encoding Gbk()
    {
        _ = ImportEncodings.Gb18030; // registers the code pages
        return Encoding.GetEncoding(936);
    }

    [Fact]
    public void A_GBK_file_whose_first_bytes_happen_to_be_ASCII_is_still_read_as_GBK()
    {
        var path = Path.Combine(_folder, "late.csv");
        var ascii = string.Concat(Enumerable.Repeat("A", 70_000));
        WorkOrderFiles.Csv(path, ["id", "note"], [["1", ascii], ["2", "电费"]], Gbk());

        // The first 64 KB are plain ASCII, valid UTF-8 either way: the whole file decides, else 电费 would be garbled.
        var rows = CsvRows.Read(path).ToList();
        Assert.Equal("电费", rows[2].Cells[1]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void An_xlsx_with_title_lines_an_Excel_date_cell_and_a_number_cell_reads_its_header_and_values()
    {
        var name = "12398.xlsx";
        var received = new DateTime(2026, 11, 23, 8, 30, 0).ToOADate(); // a date cell as Excel stores it
        WorkOrderFiles.Xlsx(Path.Combine(_folder, name), Headers12398,
            [[1d, "GD-0001", received, "张建国", 13812348000d, 3300123456d, "杭州市拱墅区湖墅南路 88 号", "客户反映本月电费比上月高出一倍，怀疑电表计量有误。", "电费突增", "紧急"], [], [2d, "GD-0002"]],
            titles: ["12398 工单明细", "导出时间：2026-11-23"]);

        var sheet = Open(name);
        var rows = sheet.DataRows().ToList();

        Assert.Equal(Headers12398, sheet.Headers);
        Assert.Equal(2, rows.Count); // the blank row is left out
        Assert.Equal(Headers12398.Length, rows[1].Cells.Count);
        var parsed = new WorkOrderRowParser(sheet.Headers, Mapping12398).Parse(rows[0], ComplaintBuilder.Start);
        Assert.True(parsed.Valid, ImportError.Join(parsed.Errors));
        Assert.Equal(("13812348000", "3300123456", new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(8))),
            (parsed.Intake!.Phone, parsed.Intake.AccountNumber, parsed.Intake.ReceivedAt));
    }

    [Fact]
    public void A_tab_separated_UTF_16_export_is_read_by_its_tabs()
    {
        var path = Path.Combine(_folder, "unicode.txt");
        File.WriteAllText(path, "工单编号\t来电时间\r\nGD-0001\t2026-11-23 08:30\r\n", Encoding.Unicode);

        var rows = CsvRows.Read(path).ToList();

        Assert.Equal(["GD-0001", "2026-11-23 08:30"], rows[1].Cells);
    }
}
