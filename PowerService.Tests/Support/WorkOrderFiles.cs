using System.Text;
using PowerService.Web.Features.Reports.Export;

namespace PowerService.Tests.Support;

/// <summary>Platform exports as the tests write them: xlsx through the app's own writer (optionally with title lines above the header), CSV in any encoding with RFC 4180 quoting.</summary>
public static class WorkOrderFiles
{
    public static string Folder() => Directory.CreateTempSubdirectory("ps-import-").FullName;

    public static void Xlsx(string path, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? titles = null)
    {
        using var file = File.Create(path);
        using var book = XlsxWriter.Create(file, "工单导出");
        book.WriteSheet(new SheetSpec("工单", [.. headers.Select(h => new XlsxColumn(h, 16))], titles),
            rows.Select(r => (IReadOnlyList<object?>)[.. r, .. Enumerable.Repeat<object?>(null, Math.Max(0, headers.Count - r.Count))]));
        book.Complete();
    }

    public static void Csv(string path, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, Encoding encoding, bool bom = false)
    {
        using var file = File.Create(path);
        if (bom) file.Write(encoding.GetPreamble());
        using var writer = new StreamWriter(file, encoding.WebName == "utf-8" ? new UTF8Encoding(false) : encoding, 64 * 1024);
        writer.Write(string.Join(",", headers.Select(Quote)) + "\r\n");
        foreach (var row in rows) writer.Write(string.Join(",", row.Select(Quote)) + "\r\n");
    }

    private static string Quote(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
