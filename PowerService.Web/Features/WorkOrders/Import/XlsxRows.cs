using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// The rows of an xlsx's first sheet, read with the Open XML SDK's SAX reader (<see cref="OpenXmlReader"/>):
/// one row in memory at a time, plus the shared-string table. Cells come as the file stores them —
/// text, or a number as written (a date cell is its Excel serial number; the mapping knows it is a time).
/// Missing cells of a sparse row are empty.
/// </summary>
public static class XlsxRows
{
    public static IEnumerable<ImportRow> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var strings = SharedStrings(workbook.SharedStringTablePart);

        using var reader = OpenXmlReader.Create(sheet);
        var rows = new SheetCursor(strings);
        while (reader.Read())
        {
            if (rows.Take(reader) is { } row) yield return row;
        }
        if (rows.Finish() is { } last) yield return last;
    }

    /// <summary>
    /// Follows the reader's elements flat, one after the other: a row or cell is complete when the
    /// next begins or its parent ends, so empty elements (&lt;c r="B2"/&gt;, which report no end) are read alike.
    /// </summary>
    private sealed class SheetCursor(IReadOnlyList<string> strings)
    {
        private List<string?>? _cells;
        private int _number;
        private int _column = -1;
        private string? _type, _raw;
        private System.Text.StringBuilder? _inline;
        private bool _inInline, _inPhonetic;

        public ImportRow? Take(OpenXmlReader reader)
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (!reader.IsStartElement) return Finish();
                var done = Finish();
                _cells = [];
                _number = RowNumber(reader) ?? _number + 1;
                return done;
            }
            if (_cells is null) return null;
            if (type == typeof(Cell))
            {
                CommitCell();
                if (reader.IsStartElement) StartCell(reader);
            }
            else if (type == typeof(CellValue) && reader.IsStartElement) _raw = reader.GetText();
            else if (type == typeof(InlineString)) _inInline = reader.IsStartElement;
            else if (type == typeof(PhoneticRun)) _inPhonetic = reader.IsStartElement;
            else if (type == typeof(Text) && reader.IsStartElement && _inInline && !_inPhonetic) (_inline ??= new()).Append(reader.GetText());
            else if (type == typeof(SheetData) && !reader.IsStartElement) return Finish();
            return null;
        }

        public ImportRow? Finish()
        {
            if (_cells is null) return null;
            CommitCell();
            var row = new ImportRow(_number, _cells);
            _cells = null;
            return row;
        }

        private void StartCell(OpenXmlReader reader)
        {
            string? reference = null;
            _type = null;
            foreach (var attribute in reader.Attributes)
            {
                if (attribute.LocalName == "r") reference = attribute.Value;
                else if (attribute.LocalName == "t") _type = attribute.Value;
            }
            _column = reference is null ? _cells!.Count : ColumnIndex(reference);
        }

        private void CommitCell()
        {
            if (_column < 0 || _cells is null) return;
            var value = _type switch
            {
                "s" => int.TryParse(_raw, out var index) && index >= 0 && index < strings.Count ? strings[index] : null,
                "inlineStr" => _inline?.ToString() ?? _raw,
                "b" => _raw == "1" ? "TRUE" : _raw == "0" ? "FALSE" : _raw,
                _ => _raw,
            };
            while (_cells.Count <= _column) _cells.Add(null);
            _cells[_column] = value;
            (_column, _type, _raw, _inline, _inInline, _inPhonetic) = (-1, null, null, null, false, false);
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
        }
        return strings;
    }

    private static int? RowNumber(OpenXmlReader reader)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, out var r)) return r;
        return null;
    }

    /// <summary>"C5" → 2.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }
}
