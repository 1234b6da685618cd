using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PowerService.Web.Features.Reports.Export;

/// <summary>
/// Writes an xlsx workbook to a stream sheet by sheet, row by row, in bounded memory: bytes leave
/// for the caller's stream as rows are written (at most about 64 KB wait in between), strings are
/// inline (no shared-string table to hold) and only the current row is in memory.
/// <code>
/// await using var book = XlsxWriter.Create(response.Body, "投诉月报", time.GetUtcNow());
/// await book.WriteSheetAsync(spec, rows, progress, ct);   // once per sheet
/// await book.CompleteAsync(ct);
/// </code>
/// Only <see cref="CompleteAsync"/> makes the output a workbook. A failure or cancellation — or a
/// dispose without completing, e.g. when the caller's own code threw between sheets — stops the
/// writing where it is: the stream keeps an unfinished zip that no reader takes for a workbook, so
/// a partial report can never pass for a whole one. The caller discards the stream.
/// Every write to the caller's stream from the async methods is asynchronous (an ASP.NET Core
/// response body refuses synchronous writes). Not thread-safe: one sheet at a time.
/// </summary>
public sealed class XlsxWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Progress is reported every this many data rows, and once at the end of each sheet.</summary>
    public const int ProgressEvery = 1_000;
    public const string Creator = "PowerService";

    /// <summary>Excel's limit on the characters of one cell (a longer text makes Excel repair the file): longer text is cut and ends "…（已截断）".</summary>
    public const int MaxCellText = 32_767;

    private readonly Stream _output;
    private readonly SpoolStream _spool;
    private readonly XlsxPackage _package;
    private readonly string _title;
    private readonly DateTimeOffset? _created;
    private readonly List<(string Name, string FilterRange)> _sheets = [];
    private State _state = State.Ready;

    private enum State { Ready, Writing, Completed, Abandoned }

    private XlsxWriter(Stream output, string title, DateTimeOffset? created)
    {
        (_output, _title, _created) = (output, ExportValue.Clean(title), created);
        _spool = new SpoolStream(output);
        _package = new XlsxPackage(_spool, created);
    }

    /// <param name="title">The document title (file properties), e.g. "投诉月报 2026年11月".</param>
    /// <param name="created">Recorded as the document's creation time; none when null.</param>
    public static XlsxWriter Create(Stream output, string title, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(title);
        if (!output.CanWrite) throw new ArgumentException("The output stream is not writable.", nameof(output));
        return new XlsxWriter(output, title, created);
    }

    public async Task WriteSheetAsync(SheetSpec spec, IAsyncEnumerable<IReadOnlyList<object?>> rows, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = Begin(spec);
        try
        {
            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                Write(sheet, row, progress, ct);
                if (_spool.Full) await _spool.DrainAsync(ct).ConfigureAwait(false);
            }
            End(sheet, progress);
            await _spool.DrainAsync(ct).ConfigureAwait(false);
            _state = State.Ready;
        }
        catch
        {
            Abandon(sheet);
            throw;
        }
    }

    /// <summary>The synchronous form, for rows already in memory and a stream that takes synchronous writes.</summary>
    public void WriteSheet(SheetSpec spec, IEnumerable<IReadOnlyList<object?>> rows, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = Begin(spec);
        try
        {
            foreach (var row in rows)
            {
                Write(sheet, row, progress, ct);
                if (_spool.Full) _spool.Drain();
            }
            End(sheet, progress);
            _spool.Drain();
            _state = State.Ready;
        }
        catch
        {
            Abandon(sheet);
            throw;
        }
    }

    /// <summary>Writes the workbook, styles and properties and closes the package: the output is now a workbook.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        try
        {
            Finish();
            await _spool.DrainAsync(ct).ConfigureAwait(false);
            await _output.FlushAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    public void Complete()
    {
        try
        {
            Finish();
            _spool.Drain();
            _output.Flush();
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>Releases the writer; without <see cref="CompleteAsync"/> before it, the output stays unfinished.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_state != State.Completed) Abandon();
    }

    private WorksheetWriter Begin(SheetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (_sheets.Any(s => SheetNames.Same(s.Name, spec.Name)))
            throw new ArgumentException($"The workbook already has a sheet named '{spec.Name}' (Excel ignores case).", nameof(spec));
        if (_state != State.Ready) throw new InvalidOperationException($"Cannot start sheet '{spec.Name}': the workbook is {_state.ToString().ToLowerInvariant()}.");
        _state = State.Writing;
        try
        {
            var number = _sheets.Count + 1;
            return new WorksheetWriter(spec, _package.OpenPart($"/xl/worksheets/sheet{number}.xml", XlsxPackage.WorksheetType), selected: number == 1);
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    private static void Write(WorksheetWriter sheet, IReadOnlyList<object?> row, IProgress<int>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(row);
        sheet.WriteRow(row);
        if (sheet.DataRows % ProgressEvery == 0) progress?.Report(sheet.DataRows);
    }

    private void End(WorksheetWriter sheet, IProgress<int>? progress)
    {
        sheet.Finish();
        if (sheet.DataRows % ProgressEvery != 0 || sheet.DataRows == 0) progress?.Report(sheet.DataRows);
        _sheets.Add((sheet.Name, sheet.AbsoluteFilterRange));
    }

    private void Finish()
    {
        if (_state != State.Ready) throw new InvalidOperationException($"Cannot complete the workbook: it is {_state.ToString().ToLowerInvariant()}.");
        if (_sheets.Count == 0) throw new InvalidOperationException("A workbook needs at least one sheet.");

        WritePart("/xl/workbook.xml", XlsxPackage.WorkbookType, Workbook());
        WritePart("/xl/styles.xml", XlsxPackage.StylesType, XlsxStyles.Build());
        _package.WriteRelationships("/xl/workbook.xml",
            _sheets.Select((_, i) => ($"rId{i + 1}", XlsxPackage.WorksheetRel, $"worksheets/sheet{i + 1}.xml"))
                .Append(($"rId{_sheets.Count + 1}", XlsxPackage.StylesRel, "styles.xml")));
        _package.WriteProperties(_title, Creator, _created);
        _package.Finish();
        _state = State.Completed;
    }

    private Workbook Workbook()
    {
        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = $"rId{i + 1}" })),
            // Excel keeps each auto-filter's range as this hidden name too; without it some readers
            // (and Excel's own sort dialog) do not see the filter.
            new DefinedNames(_sheets.Select((s, i) => new DefinedName($"'{s.Name.Replace("'", "''")}'!{s.FilterRange}")
                { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true })));
        workbook.AddNamespaceDeclaration("r", XlsxPackage.RelationshipNs);
        return workbook;
    }

    private void WritePart(string name, string type, OpenXmlElement root)
    {
        using var part = _package.OpenPart(name, type);
        using var xml = OpenXmlWriter.Create(part, XlsxPackage.Utf8);
        xml.WriteStartDocument(true);
        xml.WriteElement(root);
        xml.Close();
    }

    /// <summary>
    /// Stops for good: nothing more reaches the caller's stream, and the open sheet and the zip are
    /// released into the void. Errors while releasing are not reported: the failure that led here
    /// is the one that matters (this runs before it is rethrown), and the output is discarded.
    /// </summary>
    private void Abandon(WorksheetWriter? open = null)
    {
        if (_state is State.Abandoned or State.Completed) return;
        _state = State.Abandoned;
        _spool.Abandon();
        try
        {
            open?.Dispose();
            _package.Dispose();
        }
        catch (Exception) { /* see summary */ }
    }
}
