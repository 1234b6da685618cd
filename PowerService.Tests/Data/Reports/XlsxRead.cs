using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace PowerService.Tests.Data.Reports;

/// <summary>Reads an exported workbook back with the Open XML SDK: validation errors, and a sheet's cells as text (numbers as stored).</summary>
public static class XlsxRead
{
    public static IReadOnlyList<string> Errors(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    public static IReadOnlyList<string> SheetNames(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    /// <summary>The sheet's rows (title rows first), each cell's text; an empty cell is null.</summary>
    public static List<List<string?>> Rows(byte[] xlsx, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var id = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(id);
        return [.. part.Worksheet.Descendants<Row>().Select(Cells)];
    }

    /// <summary>A row's cells at their columns (an empty cell is not written, so position comes from its reference).</summary>
    private static List<string?> Cells(Row row)
    {
        var cells = new List<string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = Column(cell.CellReference!.Value!);
            while (cells.Count < column) cells.Add(null);
            cells.Add(Text(cell));
        }
        return cells;
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }

    private static string? Text(Cell c) =>
        c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText : c.CellValue?.Text;
}
