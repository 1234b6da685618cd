using PowerService.Domain.Documents;
using SkiaSharp;

namespace PowerService.Web.Features.Documents;

/// <summary>What to draw on a page: a line of text, a rule, a filled rectangle, a chart's lines and markers (positions in points).</summary>
internal abstract record DrawOp;

/// <summary>One line of text, as one text run; a chart's labels are grey.</summary>
internal sealed record TextOp(string Text, float X, float Baseline, float Size, bool Bold, SKColor? Color = null) : DrawOp;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, float Width) : DrawOp;
internal sealed record FillOp(SKRect Rect, SKColor Color) : DrawOp;

/// <summary>A coloured polyline, solid or dashed (on/off lengths): a chart's grid, series and reference lines.</summary>
internal sealed record PathOp(IReadOnlyList<SKPoint> Points, float Width, SKColor Color, float[]? Dash = null) : DrawOp;

/// <summary>A data point's marker; the shape differs by series so lines stay apart when printed in grey.</summary>
internal sealed record MarkerOp(SKPoint Center, float Radius, SKColor Color, MarkerShape Shape) : DrawOp;

internal enum MarkerShape { Circle, Square, Triangle, Diamond }

/// <summary>
/// Lays a <see cref="DocumentSpec"/> out on A4 pages: wraps text with the Chinese line breaker,
/// moves a table row that does not fit to the next page and repeats the table's header there,
/// moves a chart that does not fit whole (<see cref="ChartLayout"/> draws it), and leaves header
/// and footer (with "第 N 页 共 M 页") to be drawn once the page count is known.
/// </summary>
internal sealed class DocumentLayout
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f;
    private const float Left = 68, Right = PageWidth - 68, Top = 84, Bottom = PageHeight - 70;
    private const float Body = 11f, Line = Body * 1.65f, CellPad = 5f;

    private readonly SKFont _regular, _bold;
    private readonly List<List<DrawOp>> _pages = [];
    private List<DrawOp> _page = null!;
    private float _y;

    public DocumentLayout(SKTypeface regular, SKTypeface bold)
    {
        _regular = new SKFont(regular, Body);
        _bold = new SKFont(bold, Body);
    }

    public float Width(string text, float size, bool bold)
    {
        var font = bold ? _bold : _regular;
        font.Size = size;
        return font.MeasureText(text);
    }

    public IReadOnlyList<IReadOnlyList<DrawOp>> Lay(DocumentSpec spec)
    {
        NewPage();
        Centered(spec.Title, 18, bold: true);
        if (spec.VersionNote is { } note)
        {
            _y += 2;
            Centered(note, 10, bold: false); // a reissue says which version it is and why, under the title
        }
        _y += 10;
        for (var i = 0; i < spec.Blocks.Count; i++) Lay(spec.Blocks[i], spec.Blocks.ElementAtOrDefault(i + 1));
        return _pages;
    }

    /// <summary>A chart's height on the page; a page always holds a heading above it.</summary>
    private static float ChartHeight(Chart c) => ChartLayout.HeightOf(c, Bottom - Top - 20 - Line * 2.2f);

    private void Lay(DocumentBlock block, DocumentBlock? next)
    {
        switch (block)
        {
            case Heading h:
                // A heading stays with what follows it: a line of text, or a whole chart.
                Ensure(Line * 2.2f + (next is Chart chart ? ChartHeight(chart) + 20 : 0));
                _y += 8;
                Text(h.Text, Left, 13, bold: true);
                _y += 2;
                break;
            case Paragraph p:
                foreach (var line in Wrap((p.Indent ? "　　" : "") + p.Text, Right - Left, Body, false))
                {
                    Ensure(Line);
                    Text(line, Left, Body, false);
                }
                break;
            case BulletList l:
                foreach (var item in l.Items)
                {
                    var lines = Wrap(item, Right - Left - 16, Body, false);
                    for (var i = 0; i < lines.Count; i++)
                    {
                        Ensure(Line);
                        if (i == 0) _page.Add(new TextOp("•", Left + 4, _y + Body, Body, false));
                        Text(lines[i], Left + 16, Body, false);
                    }
                }
                break;
            case KeyValueTable t:
                _y += 4;
                Table(null, [1.35f, 4.65f], t.Rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Value]).ToList(), keyColumn: true);
                _y += 4;
                break;
            case DataTable d:
                _y += 4;
                Table(d.Headers, d.ColumnWeights, d.Rows, keyColumn: false);
                _y += 4;
                break;
            case SignatureBlock s:
                Ensure(Line * 6);
                _y += Line;
                foreach (var line in new[] { s.Unit, s.Date })
                {
                    var w = Width(line, Body, false);
                    _page.Add(new TextOp(line, Right - w, _y + Body, Body, false));
                    _y += Line;
                }
                var seal = SKRect.Create(Right - 130, _y + 4, 130, 56);
                _page.Add(new LineOp(seal.Left, seal.Top, seal.Right, seal.Top, 0.6f));
                _page.Add(new LineOp(seal.Left, seal.Bottom, seal.Right, seal.Bottom, 0.6f));
                _page.Add(new LineOp(seal.Left, seal.Top, seal.Left, seal.Bottom, 0.6f));
                _page.Add(new LineOp(seal.Right, seal.Top, seal.Right, seal.Bottom, 0.6f));
                _page.Add(new TextOp(s.SealLabel, seal.Left + 8, seal.Top + 18, 9.5f, false));
                _y = seal.Bottom + Line;
                break;
            case Chart c:
                // A chart is never split: it moves whole to the next page when the rest of this one is too short.
                var height = ChartHeight(c);
                Ensure(height + 20);
                _y += 8;
                _page.AddRange(new ChartLayout(Width).Lay(c, SKRect.Create(Left, _y, Right - Left, height)));
                _y += height + 12;
                break;
        }
    }

    private void Table(IReadOnlyList<string>? headers, IReadOnlyList<float> weights, IReadOnlyList<IReadOnlyList<string>> rows, bool keyColumn)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => (Right - Left) * w / total).ToArray();
        if (headers is not null) Row(headers, widths, header: true);
        foreach (var row in rows)
        {
            var height = RowHeight(row, widths, false);
            if (_y + height > Bottom)
            {
                NewPage();
                if (headers is not null) Row(headers, widths, header: true); // the header repeats on the new page
            }
            Row(row, widths, header: false, boldFirst: keyColumn);
        }
    }

    private float RowHeight(IReadOnlyList<string> cells, float[] widths, bool header) =>
        cells.Select((c, i) => Wrap(c, widths[i] - 2 * CellPad, Body, header).Count).Max() * Line + 2 * CellPad - (Line - Body) + 2;

    private void Row(IReadOnlyList<string> cells, float[] widths, bool header, bool boldFirst = false)
    {
        var height = RowHeight(cells, widths, header);
        Ensure(height);
        var x = Left;
        if (header) _page.Add(new FillOp(SKRect.Create(Left, _y, Right - Left, height), new SKColor(0xEE, 0xF3, 0xF3)));
        else if (boldFirst) _page.Add(new FillOp(SKRect.Create(Left, _y, widths[0], height), new SKColor(0xF7, 0xF7, 0xF7)));
        for (var i = 0; i < cells.Count; i++)
        {
            var bold = header || (boldFirst && i == 0);
            var lineY = _y + CellPad;
            foreach (var line in Wrap(cells[i], widths[i] - 2 * CellPad, Body, bold))
            {
                _page.Add(new TextOp(line, x + CellPad, lineY + Body, Body, bold));
                lineY += Line;
            }
            _page.Add(new LineOp(x, _y, x, _y + height, 0.5f));
            x += widths[i];
        }
        _page.Add(new LineOp(Right, _y, Right, _y + height, 0.5f));
        _page.Add(new LineOp(Left, _y, Right, _y, 0.5f));
        _page.Add(new LineOp(Left, _y + height, Right, _y + height, 0.5f));
        _y += height;
    }

    private IReadOnlyList<string> Wrap(string text, float width, float size, bool bold) =>
        LineBreaker.Break(text, s => Width(s, size, bold), width);

    private void Text(string text, float x, float size, bool bold)
    {
        _page.Add(new TextOp(text, x, _y + size, size, bold));
        _y += size * 1.65f;
    }

    private void Centered(string text, float size, bool bold)
    {
        foreach (var line in Wrap(text, Right - Left, size, bold))
        {
            _page.Add(new TextOp(line, (PageWidth - Width(line, size, bold)) / 2, _y + size, size, bold));
            _y += size * 1.6f;
        }
    }

    private void Ensure(float height)
    {
        if (_y + height > Bottom) NewPage();
    }

    private void NewPage()
    {
        _page = [];
        _pages.Add(_page);
        _y = Top;
    }
}
