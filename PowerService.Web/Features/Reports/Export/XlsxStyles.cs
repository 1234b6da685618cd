using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PowerService.Web.Features.Reports.Export;

/// <summary>
/// The one stylesheet every export shares: a cell's style index (its <c>s</c>, an index into
/// cellXfs) says header, title or number format. Dates use explicit codes rather than the
/// built-in date format 14, which Excel shows in the reader's locale (m/d/yyyy in some).
/// </summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Title = 2;

    // Indices 3.. follow XlsxFormat (Text is the default style).
    private const uint FirstFormat = 3;

    /// <summary>Custom number formats take ids from 164 on; below are Excel's built-ins (3 is #,##0).</summary>
    private static readonly (XlsxFormat Format, uint Id, string? Code)[] Formats =
    [
        (XlsxFormat.Integer, 3, null),
        (XlsxFormat.Decimal1, 164, "0.0"),
        (XlsxFormat.Percent1, 165, "0.0%"),
        (XlsxFormat.Date, 166, "yyyy-mm-dd"),
        (XlsxFormat.DateTime, 167, "yyyy-mm-dd hh:mm"),
    ];

    private static readonly OpenXmlAttribute[] Attributes =
        [.. Enumerable.Range(0, (int)FirstFormat + Formats.Length).Select(i => new OpenXmlAttribute("s", "", i.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The cell attribute <c>s="…"</c> for a style index.</summary>
    public static OpenXmlAttribute Attribute(uint style) => Attributes[style];

    public static uint Of(XlsxFormat format) => format == XlsxFormat.Text ? Default : FirstFormat + (uint)Array.FindIndex(Formats, f => f.Format == format);

    public static Stylesheet Build()
    {
        var custom = Formats.Where(f => f.Code is not null).ToList();
        var formatXfs = Formats.Select(f => new CellFormat { NumberFormatId = f.Id, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 });
        return new Stylesheet(
            new NumberingFormats(custom.Select(f => new NumberingFormat { NumberFormatId = f.Id, FormatCode = f.Code })) { Count = (uint)custom.Count },
            new Fonts(
                Font(bold: false, size: 11),
                Font(bold: true, size: 11),
                Font(bold: true, size: 14)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                // Light blue-grey, the usual header band; readable when printed in black and white.
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                    new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new[]
                {
                    new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                    new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                        { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                    new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                }.Concat(formatXfs)) { Count = (uint)(FirstFormat + Formats.Length) },
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    // 等线 is the default body font of Chinese Excel (and WPS maps it); charset 134 is GB2312, so
    // readers without the font fall back to a Chinese one rather than a Latin one.
    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 });
        return font;
    }
}
