using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PowerService.Web.Features.Reports.Export;

/// <summary>
/// One worksheet part, written element by element with the SDK's <see cref="OpenXmlWriter"/> as rows
/// arrive: title rows, the header row (frozen, with an auto-filter), then the data. Nothing but the
/// current row is held; the element order follows CT_Worksheet (views and columns before the data,
/// the filter and merged title cells after it).
/// </summary>
internal sealed partial class WorksheetWriter : IDisposable
{
    private const int MaxCellText = XlsxWriter.MaxCellText;
    private const string Truncated = "…（已截断）";

    private readonly SheetSpec _spec;
    private readonly Stream _part;
    private readonly OpenXmlWriter _xml;
    private readonly string[] _letters;
    private readonly uint[] _columnStyles;
    private readonly int _headerRow;
    private int _row;

    // The writer needs an element only for its name: one instance each serves every row and cell.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");
    // Attributes of the cell being written: the writer reads them at once, so one list serves all.
    private readonly List<OpenXmlAttribute> _attributes = new(3);

    public WorksheetWriter(SheetSpec spec, Stream part, bool selected)
    {
        _spec = spec;
        _letters = [.. Enumerable.Range(0, spec.Columns.Count).Select(SheetNames.ColumnLetters)];
        _columnStyles = [.. spec.Columns.Select(c => XlsxStyles.Of(c.Format))];
        _headerRow = spec.Titles.Count + 1;
        // The SDK's writer leaves the stream open: the part (a zip entry) is closed here, and must
        // be before the zip can start the next one.
        _part = part;
        _xml = OpenXmlWriter.Create(part, XlsxPackage.Utf8);
        _xml.WriteStartDocument(true);
        _xml.WriteStartElement(new Worksheet());
        _xml.WriteElement(Views(selected));
        _xml.WriteElement(new Columns(spec.Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true, Style = _columnStyles[i] == XlsxStyles.Default ? null : _columnStyles[i],
        })));
        _xml.WriteStartElement(new SheetData());
        foreach (var title in spec.Titles) WriteRow([(ExportValue.Of(title), XlsxStyles.Title)]);
        WriteRow(spec.Columns.Select(c => (ExportValue.Of(c.Header), XlsxStyles.Header)).ToArray());
    }

    public string Name => _spec.Name;

    /// <summary>Data rows written so far.</summary>
    public int DataRows => _row - _headerRow;

    /// <summary>The header and data rows, e.g. <c>A3:L1002</c>: the auto-filter's range.</summary>
    public string FilterRange => $"{_letters[0]}{_headerRow}:{_letters[^1]}{_row}";

    /// <summary>The same range as a formula names it, e.g. <c>$A$3:$L$1002</c>.</summary>
    public string AbsoluteFilterRange => $"${_letters[0]}${_headerRow}:${_letters[^1]}${_row}";

    public void WriteRow(IReadOnlyList<object?> values)
    {
        if (values.Count != _spec.Columns.Count)
            throw new ArgumentException($"Sheet '{_spec.Name}' has {_spec.Columns.Count} columns; row {DataRows + 1} has {values.Count} values.", nameof(values));
        var cells = new (ExportValue, uint)[values.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = ExportValue.Of(values[i]);
            cells[i] = (value, XlsxStyles.Of(value.ShownAs(_spec.Columns[i].Format)));
        }
        WriteRow(cells);
    }

    private void WriteRow((ExportValue Value, uint Style)[] cells)
    {
        if (_row == SheetNames.MaxRows)
            throw new InvalidOperationException($"Sheet '{_spec.Name}' is full: Excel holds {SheetNames.MaxRows:N0} rows. Split the export.");
        var r = (++_row).ToString(CultureInfo.InvariantCulture);
        _xml.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", r)]);
        for (var i = 0; i < cells.Length; i++)
        {
            var (value, style) = cells[i];
            // An empty cell is written only when it carries a style (the header band); otherwise the
            // column's own style covers it.
            if (value.Kind == ValueKind.Empty && style == _columnStyles[i]) continue;
            _attributes.Clear();
            _attributes.Add(new("r", "", _letters[i] + r));
            if (style != XlsxStyles.Default) _attributes.Add(XlsxStyles.Attribute(style));
            if (value.Kind == ValueKind.Text) _attributes.Add(InlineType); // t="n", a number, is the default
            _xml.WriteStartElement(CellElement, _attributes);
            if (value.Kind == ValueKind.Text)
            {
                _xml.WriteStartElement(InlineElement);
                _xml.WriteElement(TextElement(value.Text));
                _xml.WriteEndElement();
            }
            else if (value.Kind != ValueKind.Empty)
            {
                var number = value.Kind == ValueKind.Number ? value.Number : value.Serial;
                _xml.WriteElement(new CellValue(number.ToString("R", CultureInfo.InvariantCulture)));
            }
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    /// <summary>Ends the sheet: the auto-filter over header and data, the title rows merged across the columns.</summary>
    public void Finish()
    {
        _xml.WriteEndElement(); // sheetData
        _xml.WriteElement(new AutoFilter { Reference = FilterRange });
        if (_spec.Titles.Count > 0 && _letters.Length > 1)
            _xml.WriteElement(new MergeCells(Enumerable.Range(1, _spec.Titles.Count)
                .Select(row => new MergeCell { Reference = $"A{row}:{_letters[^1]}{row}" })) { Count = (uint)_spec.Titles.Count });
        _xml.WriteEndElement(); // worksheet
        _xml.Close();
        _part.Dispose();
    }

    public void Dispose()
    {
        _xml.Dispose();
        _part.Dispose();
    }

    /// <summary>The header row (and the titles above it) stay in view: the pane is frozen below it.</summary>
    private SheetViews Views(bool selected)
    {
        var below = $"A{_headerRow + 1}";
        return new SheetViews(new SheetView(
            new Pane { VerticalSplit = _headerRow, TopLeftCell = below, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = below, SequenceOfReferences = new ListValue<StringValue>([new StringValue(below)]) })
        { WorkbookViewId = 0, TabSelected = selected ? new BooleanValue(true) : null });
    }

    private static Text TextElement(string text)
    {
        if (text.Length > MaxCellText)
        {
            var cut = MaxCellText - Truncated.Length;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            text = string.Concat(text.AsSpan(0, cut), Truncated);
        }
        // Excel reads "_xHHHH_" in a string as an escaped character; a literal one keeps its
        // underscore by escaping it in turn (_x005F_).
        if (text.Contains("_x", StringComparison.Ordinal)) text = EscapePattern().Replace(text, "_x005F$0");
        var element = new Text(text);
        // Excel trims leading and trailing whitespace unless the text says xml:space="preserve".
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) element.Space = SpaceProcessingModeValues.Preserve;
        return element;
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapePattern();
}
