using System.Globalization;
using System.Text;
using PowerService.Domain.Time;

namespace PowerService.Web.Features.Reports.Export;

internal enum ValueKind { Empty, Text, Number, Date, DateTime }

/// <summary>
/// A cell value as both exports see it, so the xlsx and the CSV of one report never disagree:
/// text cleaned of what XML cannot carry, every number as a double (what Excel stores), and dates
/// and instants as China wall-clock time (UTC+8, docs/domain.md), the time the staff read.
/// </summary>
internal readonly struct ExportValue
{
    private ExportValue(ValueKind kind, string text = "", double number = 0, DateTime wall = default) =>
        (Kind, Text, Number, Wall) = (kind, text, number, wall);

    public ValueKind Kind { get; }
    public string Text { get; }
    public double Number { get; }
    /// <summary>China wall-clock time of a Date or DateTime value.</summary>
    public DateTime Wall { get; }

    /// <summary>Excel's serial date of <see cref="Wall"/> (days since 1899-12-30, the 1900 date system).</summary>
    public double Serial => Wall.ToOADate();

    public static readonly ExportValue Empty = new(ValueKind.Empty);

    /// <summary>
    /// The format the value is shown in: the column's, except that a date or time in a column not
    /// formatted for one is shown as one (else Excel would show a serial number such as 46349.5).
    /// </summary>
    public XlsxFormat ShownAs(XlsxFormat column) => (Kind, column) switch
    {
        (ValueKind.Date, not (XlsxFormat.Date or XlsxFormat.DateTime)) => XlsxFormat.Date,
        (ValueKind.DateTime, not (XlsxFormat.Date or XlsxFormat.DateTime)) => XlsxFormat.DateTime,
        _ => column,
    };

    // Excel cannot show a date before 1900, and its serials before 1900-03-01 are off by its
    // deliberate 1900 leap-year bug: such a value goes out as text instead of a wrong date.
    private static readonly DateTime FirstSerialDate = new(1900, 3, 1);

    public static ExportValue Of(object? value) => value switch
    {
        null or DBNull => Empty,
        string s => s.Length == 0 ? Empty : new(ValueKind.Text, Clean(s)),
        // Excel's TRUE/FALSE reads as English in a Chinese report; 是/否 is what the staff write.
        bool b => new(ValueKind.Text, b ? "是" : "否"),
        int or long or short or byte or sbyte or ushort or uint or ulong or decimal or float =>
            new(ValueKind.Number, number: Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        // NaN and infinities (a rate over zero cases) have no cell form; the cell stays empty.
        double d => double.IsFinite(d) ? new(ValueKind.Number, number: d) : Empty,
        DateOnly date => Dated(ValueKind.Date, date.ToDateTime(TimeOnly.MinValue)),
        DateTimeOffset instant => Dated(ValueKind.DateTime, instant.ToChina().DateTime),
        // A DateTime does not say which zone it is in; the app's instants are DateTimeOffset UTC.
        DateTime => throw new ArgumentException("Export cells take DateTimeOffset (an instant) or DateOnly (a China date), not DateTime, whose zone is unknown.", nameof(value)),
        _ => throw new ArgumentException($"Export cells cannot hold a {value.GetType().Name}; give its text (for an enum, its Chinese label).", nameof(value)),
    };

    private static ExportValue Dated(ValueKind kind, DateTime wall) =>
        wall >= FirstSerialDate
            ? new(kind, wall: wall)
            : new(ValueKind.Text, wall.ToString(kind == ValueKind.Date ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters other than tab and line breaks,
    /// unpaired surrogates, U+FFFE/U+FFFF) — one in a complaint's text would make the whole
    /// workbook unreadable — and makes every line break a single LF, the one Excel writes.
    /// </summary>
    public static string Clean(string s)
    {
        var first = FirstToChange(s);
        if (first < 0) return s;
        var clean = new StringBuilder(s.Length).Append(s, 0, first);
        for (var i = first; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) clean.Append(c).Append(s[++i]);
            else if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < s.Length && s[i + 1] == '\n') i++;
            }
            else if (IsXmlChar(c)) clean.Append(c);
        }
        return clean.ToString();
    }

    private static int FirstToChange(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (c == '\r' || !IsXmlChar(c)) return i;
        }
        return -1;
    }

    // XML 1.0 Char production, for one UTF-16 unit outside a surrogate pair.
    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
