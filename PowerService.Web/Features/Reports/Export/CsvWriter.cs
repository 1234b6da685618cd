using System.Globalization;
using System.Text;

namespace PowerService.Web.Features.Reports.Export;

/// <summary>
/// Writes a CSV (RFC 4180) of one sheet's columns and rows, streamed: UTF-8 with a byte-order mark
/// (without it Excel and WPS read the file as GBK and the Chinese turns to mojibake), CRLF line
/// ends, the header line first. Values are shown as the xlsx shows them (<see cref="ExportValue"/>):
/// dates and times in China time (<c>yyyy-MM-dd</c>, <c>yyyy-MM-dd HH:mm</c>), decimals and percents
/// with one decimal — but numbers carry no thousands separators, so every tool reads them as numbers.
/// A sheet's title rows are not written: a CSV's first line is its header.
/// </summary>
public static class CsvWriter
{
    /// <summary>Progress is reported every this many data rows, and once at the end.</summary>
    public const int ProgressEvery = XlsxWriter.ProgressEvery;

    // Text is collected and handed to the stream in pieces of about this size.
    private const int FlushAt = 32 * 1024;

    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes header and rows; every write to <paramref name="output"/> is asynchronous. A failure or cancellation leaves a partial file the caller discards.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxColumn> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Check(output, columns, rows);
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: FlushAt, leaveOpen: true);
        var text = new StringBuilder(FlushAt * 2);
        AppendLine(text, columns, columns.Select(c => (object?)c.Header).ToArray());
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            AppendLine(text, columns, row);
            if (++count % ProgressEvery == 0) progress?.Report(count);
            if (text.Length < FlushAt) continue;
            await writer.WriteAsync(text, ct).ConfigureAwait(false);
            text.Clear();
        }
        await writer.WriteAsync(text, ct).ConfigureAwait(false);
        await writer.FlushAsync(ct).ConfigureAwait(false);
        if (count % ProgressEvery != 0 || count == 0) progress?.Report(count);
    }

    /// <summary>The synchronous form, for rows already in memory and a stream that takes synchronous writes.</summary>
    public static void Write(Stream output, IReadOnlyList<XlsxColumn> columns, IEnumerable<IReadOnlyList<object?>> rows,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Check(output, columns, rows);
        using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: FlushAt, leaveOpen: true);
        var text = new StringBuilder(FlushAt * 2);
        AppendLine(text, columns, columns.Select(c => (object?)c.Header).ToArray());
        var count = 0;
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            AppendLine(text, columns, row);
            if (++count % ProgressEvery == 0) progress?.Report(count);
            if (text.Length < FlushAt) continue;
            writer.Write(text);
            text.Clear();
        }
        writer.Write(text);
        writer.Flush();
        if (count % ProgressEvery != 0 || count == 0) progress?.Report(count);
    }

    private static void Check(Stream output, IReadOnlyList<XlsxColumn> columns, object rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0) throw new ArgumentException("A CSV needs at least one column.", nameof(columns));
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<XlsxColumn> columns, IReadOnlyList<object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count != columns.Count) throw new ArgumentException($"The CSV has {columns.Count} columns; a row has {row.Count} values.", nameof(row));
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0) text.Append(',');
            AppendField(text, Shown(ExportValue.Of(row[i]), columns[i].Format));
        }
        text.Append("\r\n");
    }

    /// <summary>The text of a value, as the xlsx's number format would show it (without thousands separators).</summary>
    internal static string Shown(ExportValue value, XlsxFormat column)
    {
        var invariant = CultureInfo.InvariantCulture;
        return value.Kind switch
        {
            ValueKind.Empty => "",
            ValueKind.Text => Defused(value.Text),
            ValueKind.Number => column switch
            {
                XlsxFormat.Integer => value.Number.ToString("0", invariant),
                XlsxFormat.Decimal1 => value.Number.ToString("0.0", invariant),
                XlsxFormat.Percent1 => value.Number.ToString("0.0%", invariant),
                // Excel keeps 15 significant digits: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
                _ => value.Number.ToString("G15", invariant),
            },
            _ => value.Wall.ToString(value.ShownAs(column) == XlsxFormat.Date ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", invariant),
        };
    }

    /// <summary>
    /// Formula injection: Excel and WPS treat a CSV cell that starts with = + - or @ as a formula
    /// (tab and CR can hide such a start), so a customer who writes "=HYPERLINK(…)" or a DDE
    /// command into a complaint would have it run on the manager's machine that opens the export.
    /// A leading apostrophe makes it plain text (OWASP's advice); it stays visible, the price of a
    /// file that cannot run anything. Only text is touched: our own numbers (-3) are never prefixed.
    /// The xlsx needs none of this — its inline strings are never formulas.
    /// </summary>
    internal static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static void AppendField(StringBuilder text, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(field);
            return;
        }
        text.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }
}
