using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

public enum ImportFileKind { Xlsx, Csv }

/// <summary>
/// An uploaded export opened for reading: its header (found below any title lines) and its data rows,
/// read again from the file each time they are enumerated, so a 100,000-row file is never in memory whole.
/// </summary>
public sealed class ImportSheet
{
    private readonly string _path;
    private readonly ImportFileKind _kind;

    private ImportSheet(string path, ImportFileKind kind, int headerRow, IReadOnlyList<string> headers) =>
        (_path, _kind, HeaderRow, Headers) = (path, kind, headerRow, headers);

    public int HeaderRow { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The kind a file name says, or the Chinese reason it cannot be imported.</summary>
    public static (ImportFileKind? Kind, string? Problem) KindOf(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => (ImportFileKind.Xlsx, null),
            ".csv" or ".txt" => (ImportFileKind.Csv, null),
            ".xls" => (null, "不支持旧版 Excel 97-2003（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入"),
            _ => (null, "只能导入 Excel（.xlsx）或 CSV（.csv）文件"),
        };

    /// <summary>Opens the file and finds its header; a file that is not what its name says, or is empty, gives the reason.</summary>
    public static (ImportSheet? Sheet, string? Problem) Open(string path, ImportFileKind kind)
    {
        try
        {
            var header = HeaderRowOf(Rows(path, kind));
            if (header is null) return (null, "文件中没有数据");
            var headers = header.Cells.Select(c => CellText.Normalise(c ?? "")).ToList();
            while (headers.Count > 0 && headers[^1].Length == 0) headers.RemoveAt(headers.Count - 1);
            return (new ImportSheet(path, kind, header.Number, headers), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FileFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            return (null, kind == ImportFileKind.Xlsx
                ? "无法读取该 Excel 文件：文件可能已损坏或不是 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入"
                : "无法读取该 CSV 文件，请确认文件完整");
        }
    }

    /// <summary>The data rows below the header, blank rows left out, each with as many cells as the header has.</summary>
    public IEnumerable<ImportRow> DataRows()
    {
        var afterHeader = false;
        foreach (var row in Rows(_path, _kind))
        {
            if (!afterHeader)
            {
                afterHeader = row.Number == HeaderRow;
                continue;
            }
            if (row.IsBlank) continue;
            yield return row.Cells.Count == Headers.Count ? row : new ImportRow(row.Number, Fit(row.Cells, Headers.Count));
        }
    }

    private static ImportRow? HeaderRowOf(IEnumerable<ImportRow> rows) => PowerService.Domain.WorkOrders.HeaderRow.Find(rows);

    private static string?[] Fit(IReadOnlyList<string?> cells, int count)
    {
        var fitted = new string?[count];
        for (var i = 0; i < Math.Min(count, cells.Count); i++) fitted[i] = cells[i];
        return fitted;
    }

    private static IEnumerable<ImportRow> Rows(string path, ImportFileKind kind) =>
        kind == ImportFileKind.Xlsx ? XlsxRows.Read(path) : CsvRows.Read(path);
}
