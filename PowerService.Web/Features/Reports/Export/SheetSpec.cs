namespace PowerService.Web.Features.Reports.Export;

/// <summary>How a column's values are shown. The same rules drive the xlsx number formats and the CSV text.</summary>
public enum XlsxFormat
{
    /// <summary>As given (General in Excel).</summary>
    Text,
    /// <summary><c>#,##0</c></summary>
    Integer,
    /// <summary><c>0.0</c></summary>
    Decimal1,
    /// <summary><c>0.0%</c>; the value is a fraction (0.125 shows as 12.5%).</summary>
    Percent1,
    /// <summary><c>yyyy-mm-dd</c>, China date.</summary>
    Date,
    /// <summary><c>yyyy-mm-dd hh:mm</c>, China time.</summary>
    DateTime,
}

/// <param name="Width">Excel column width in characters of the default font; a CJK character takes about two.</param>
public sealed record XlsxColumn(string Header, double Width, XlsxFormat Format = XlsxFormat.Text);

/// <summary>One sheet of an export: its name, its columns and the title lines above the header row.</summary>
/// <param name="Name">The sheet's tab name (≤ 31 characters, none of <c>[]:*?/\</c>, unique in the workbook).</param>
/// <param name="TitleRows">Lines such as the report's name and period, above the header (xlsx only: a CSV starts with its header, RFC 4180).</param>
public sealed record SheetSpec(string Name, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<string>? TitleRows = null)
{
    public IReadOnlyList<string> Titles => TitleRows ?? [];

    /// <summary>Throws <see cref="ArgumentException"/> for a spec no export can write: these are programming errors, not data.</summary>
    internal void Validate()
    {
        SheetNames.Validate(Name);
        if (Columns.Count == 0) throw new ArgumentException($"Sheet '{Name}' has no columns.", nameof(Columns));
        if (Columns.Count > SheetNames.MaxColumns) throw new ArgumentException($"Sheet '{Name}' has {Columns.Count} columns; a sheet holds {SheetNames.MaxColumns}.", nameof(Columns));
        foreach (var column in Columns)
        {
            ArgumentNullException.ThrowIfNull(column);
            // Excel's column width limit is 255 characters.
            if (!(column.Width is > 0 and <= 255)) throw new ArgumentException($"Column '{column.Header}' of sheet '{Name}' has width {column.Width}; it must be in (0, 255].", nameof(Columns));
            if (!Enum.IsDefined(column.Format)) throw new ArgumentException($"Column '{column.Header}' has an unknown format {column.Format}.", nameof(Columns));
        }
    }
}

/// <summary>Excel's rules for sheet names and sizes.</summary>
internal static class SheetNames
{
    public const int MaxNameLength = 31;
    public const int MaxRows = 1_048_576;
    public const int MaxColumns = 16_384;

    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    public static void Validate(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A sheet needs a name.", nameof(name));
        if (name.Length > MaxNameLength) throw new ArgumentException($"Sheet name '{name}' has {name.Length} characters; Excel allows {MaxNameLength}.", nameof(name));
        if (name.IndexOfAny(Forbidden) >= 0) throw new ArgumentException($"Sheet name '{name}' contains one of []:*?/\\, which Excel refuses.", nameof(name));
        // Excel also refuses an apostrophe at either end (it quotes sheet names with it in formulas),
        // control characters, and the name it reserves for its own history sheet.
        if (name[0] == '\'' || name[^1] == '\'') throw new ArgumentException($"Sheet name '{name}' starts or ends with an apostrophe, which Excel refuses.", nameof(name));
        if (name.Any(char.IsControl)) throw new ArgumentException($"Sheet name '{name}' contains a control character.", nameof(name));
        if (name.Equals("History", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException("'History' is reserved by Excel.", nameof(name));
    }

    /// <summary>Excel compares sheet names without case, so "Sheet" and "sheet" collide.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>"A", "B", … "Z", "AA", … for a 0-based column index.</summary>
    public static string ColumnLetters(int index)
    {
        Span<char> buffer = stackalloc char[3];
        var at = buffer.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) buffer[--at] = (char)('A' + (n - 1) % 26);
        return new string(buffer[at..]);
    }
}
