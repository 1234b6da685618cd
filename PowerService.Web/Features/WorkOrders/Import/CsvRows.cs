using System.Text;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// The records of a CSV (or tab-separated) export, read as a stream: RFC 4180 quoting — fields with
/// commas, quotes ("") and line breaks inside quotes —, CRLF or LF line ends, in the file's encoding:
/// UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode 文本"), else GB18030 (which reads GBK and GB2312),
/// the encoding of files saved by Chinese Excel and WPS.
/// </summary>
public static class CsvRows
{
    private const int Sample = 1024 * 1024;

    public static IEnumerable<ImportRow> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var encoding = Detect(stream);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        foreach (var row in Read(reader)) yield return row;
    }

    /// <summary>
    /// The file's encoding from its byte-order mark, else UTF-8 when the whole file is valid UTF-8 (a GBK
    /// file's Chinese may come after pages of ASCII), else GB18030. The stream is left at its start.
    /// </summary>
    public static Encoding Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        stream.Position = 0;
        var bytes = head[..read];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        var utf8 = IsUtf8(stream);
        stream.Position = 0;
        return utf8 ? new UTF8Encoding(false) : ImportEncodings.Gb18030;
    }

    /// <summary>Strict UTF-8 from start to end (about 0.1 s for 50 MB); the decoder carries a sequence split between reads.</summary>
    private static bool IsUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[Sample];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) decoder.GetCharCount(buffer, 0, read, flush: false);
            decoder.GetCharCount([], 0, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static IEnumerable<ImportRow> Read(TextReader reader)
    {
        var delimiter = ',';
        var first = true;
        var cells = new List<string?>();
        var field = new StringBuilder();
        var number = 0;
        var quoted = false;
        var atFieldStart = true;
        var any = false;
        char[] buffer = new char[64 * 1024];
        int length, pending = -1;
        while ((length = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < length; i++)
            {
                var c = buffer[i];
                if (first && !any && !quoted)
                {
                    // The delimiter is the one of the first line: a tab in Excel's "Unicode 文本", else a comma.
                    delimiter = FirstLineHasTabs(buffer, i, length) ? '\t' : ',';
                }
                any = true;
                if (pending == '"')
                {
                    pending = -1;
                    if (c == '"') { field.Append('"'); continue; }
                    quoted = false; // the closing quote; c is handled below
                }
                if (quoted)
                {
                    if (c == '"') pending = '"';
                    else field.Append(c);
                    continue;
                }
                if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; continue; }
                if (c == delimiter)
                {
                    cells.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    continue;
                }
                if (c == '\r') continue;
                if (c == '\n')
                {
                    cells.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    first = false;
                    any = false;
                    yield return new ImportRow(++number, cells.ToArray());
                    cells.Clear();
                    continue;
                }
                field.Append(c);
                atFieldStart = false;
            }
        }
        if (any || cells.Count > 0 || field.Length > 0)
        {
            cells.Add(field.ToString());
            yield return new ImportRow(++number, cells.ToArray());
        }
    }

    private static bool FirstLineHasTabs(char[] buffer, int from, int length)
    {
        int tabs = 0, commas = 0;
        for (var i = from; i < length && buffer[i] != '\n'; i++)
        {
            if (buffer[i] == '\t') tabs++;
            else if (buffer[i] == ',') commas++;
        }
        return tabs > commas;
    }
}

/// <summary>GB18030 from the code-pages provider, which .NET ships but does not register by itself.</summary>
public static class ImportEncodings
{
    private static readonly Lazy<Encoding> Gb = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    });

    public static Encoding Gb18030 => Gb.Value;
}
