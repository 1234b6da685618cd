using System.Globalization;
using System.Text.RegularExpressions;
using PowerService.Domain.Documents;
using SkiaSharp;

namespace PowerService.Web.Features.Documents;

/// <summary>
/// Lays a <see cref="Chart"/> out into draw ops inside a box on the page: title, legend (2+ series),
/// a frame-less plot with light grid lines at the axis' nice ticks, x labels kept apart, bars or
/// lines with markers, dashed reference lines with their labels. Every word is a <see cref="TextOp"/>,
/// so the PDF's text layer holds the title, axis labels and legend like any other line.
/// </summary>
internal sealed partial class ChartLayout(Func<string, float, bool, float> width)
{
    public const float DefaultHeight = 250, MinHeight = 150;
    private const float TitleSize = 10.5f, LabelSize = 8f, ValueSize = 7.5f, LegendSize = 8.5f;

    /// <summary>Muted colours that print apart in grey too: their lightness alternates dark, light, middle (L* 38, 70, 55, 77, 29, 63).</summary>
    private static readonly SKColor[] Palette =
        [new(0x2E, 0x5C, 0x8A), new(0xE0, 0xA0, 0x40), new(0x4E, 0x8F, 0x7E), new(0xA9, 0xC0, 0xDA), new(0x44, 0x44, 0x44), new(0xC5, 0x8B, 0x7C)];

    private static readonly SKColor Ink = new(0x33, 0x33, 0x33), Label = new(0x59, 0x59, 0x59), Grid = new(0xE4, 0xE4, 0xE4),
        Baseline = new(0x9A, 0x9A, 0x9A), Reference = new(0xB0, 0x3A, 0x2E);

    /// <summary>The block's height: its own, or the default, never more than a page holds.</summary>
    public static float HeightOf(Chart chart, float page) => Math.Min(Math.Max((float?)chart.Height ?? DefaultHeight, MinHeight), page);

    private static SKColor ColorOf(int series) => Palette[series % Palette.Length];

    private static MarkerShape ShapeOf(int series) => (MarkerShape)(series % 4);

    public IReadOnlyList<DrawOp> Lay(Chart chart, SKRect box)
    {
        var ops = new List<DrawOp>();
        var y = box.Top;
        foreach (var line in Wrap(chart.Title, box.Width, TitleSize, true))
        {
            ops.Add(new TextOp(line, box.MidX - width(line, TitleSize, true) / 2, y + TitleSize, TitleSize, true));
            y += TitleSize * 1.6f;
        }
        if (chart.Series.Count >= 2) y = Legend(chart, box, y + 1, ops) + 2;

        var axis = ChartScale.For(chart);
        var ticks = axis.Ticks;
        var tickLabels = ticks.Select(t => ChartScale.Tick(t, axis, chart.Format)).ToList();
        var plotLeft = box.Left + tickLabels.Max(t => width(t, LabelSize, false)) + 6;
        // Reference labels sit in a margin right of the plot, where no bar or line can run over them.
        var referenceWidth = chart.ReferenceLines.Select(r => Math.Min(width(r.Label, LabelSize, false), box.Width * 0.2f)).DefaultIfEmpty(-6).Max();
        var plotRight = box.Right - 2 - (referenceWidth + 6);
        var xAxis = XAxisLabels(chart, plotRight - plotLeft);
        var plot = new SKRect(plotLeft, y + 12, plotRight, Math.Max(box.Bottom - xAxis.Height, y + 52)); // a long title never leaves less than 40pt of plot
        float Y(double v) => plot.Bottom - (float)((v - axis.Min) / (axis.Max - axis.Min)) * plot.Height;
        var n = Math.Max(chart.Categories.Count, 1);
        var slot = plot.Width / n;
        float X(int i) => plot.Left + slot * (i + 0.5f);

        // Grid first, so bars and lines lie over it; the zero line (or the axis' foot) is darker.
        var zero = axis.Min <= 0 && axis.Max >= 0 ? 0 : axis.Min;
        for (var t = 0; t < ticks.Count; t++)
        {
            var ty = Y(ticks[t]);
            if (ticks[t] != zero) ops.Add(new PathOp([new(plot.Left, ty), new(plot.Right, ty)], 0.5f, Grid));
            ops.Add(new TextOp(tickLabels[t], plot.Left - 6 - width(tickLabels[t], LabelSize, false), ty + LabelSize * 0.35f, LabelSize, false, Label));
        }
        ops.Add(new PathOp([new(plot.Left, Y(zero)), new(plot.Right, Y(zero))], 0.7f, Baseline));

        if (chart.Kind == ChartKind.Line) Lines(chart, X, Y, plot, ops);
        else Bars(chart, X, Y, slot, zero, ops);
        ReferenceLines(chart, Y, plot, referenceWidth, ops);
        DrawXLabels(chart, xAxis, X, plot.Bottom, box, ops);
        if (!chart.Series.Any(s => Enumerable.Range(0, chart.Categories.Count).Any(c => Chart.ValueAt(s, c) is not null)))
        {
            // An empty plot says so, rather than passing for a month of zeros.
            const string none = "暂无数据";
            ops.Add(new TextOp(none, plot.MidX - width(none, LegendSize, false) / 2, plot.MidY, LegendSize, false, Label));
        }
        return ops;
    }

    /// <summary>Swatch and name per series, in rows centred under the title.</summary>
    private float Legend(Chart chart, SKRect box, float y, List<DrawOp> ops)
    {
        const float swatch = 16, gap = 16, rowHeight = LegendSize * 1.8f;
        var items = chart.Series.Select((s, i) => (s.Name, i, Width: swatch + 4 + width(s.Name, LegendSize, false))).ToList();
        var rows = new List<List<(string Name, int I, float Width)>> { new() };
        foreach (var item in items)
        {
            if (rows[^1].Count > 0 && rows[^1].Sum(r => r.Width + gap) + item.Width > box.Width) rows.Add([]);
            rows[^1].Add(item);
        }
        foreach (var row in rows)
        {
            var x = box.MidX - (row.Sum(r => r.Width) + gap * (row.Count - 1)) / 2;
            var mid = y + rowHeight / 2;
            foreach (var (name, i, w) in row)
            {
                if (chart.Kind == ChartKind.Line)
                {
                    ops.Add(new PathOp([new(x, mid), new(x + swatch, mid)], 1.6f, ColorOf(i)));
                    ops.Add(new MarkerOp(new(x + swatch / 2, mid), 2.6f, ColorOf(i), ShapeOf(i)));
                }
                else ops.Add(new FillOp(SKRect.Create(x + 3, mid - 5, 10, 10), ColorOf(i)));
                ops.Add(new TextOp(name, x + swatch + 4, mid + LegendSize * 0.36f, LegendSize, false, Ink));
                x += w + gap;
            }
            y += rowHeight;
        }
        return y;
    }

    private void Bars(Chart chart, Func<int, float> x, Func<double, float> y, float slot, double zero, List<DrawOp> ops)
    {
        var stacked = chart.Kind == ChartKind.StackedBar;
        var columns = stacked ? 1 : Math.Max(chart.Series.Count, 1);
        var bar = Math.Min(slot * (columns == 1 ? 0.56f : 0.78f) / columns, columns == 1 ? 36 : 22); // fat bars look like blocks
        var labels = new List<(double Value, float X, float Y, bool Down)>();
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            double up = zero, down = zero;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                if (Chart.ValueAt(chart.Series[s], c) is not { } v) continue;
                var left = x(c) - bar * columns / 2 + (stacked ? 0 : s * bar);
                var (from, to) = !stacked ? (zero, v) : v >= 0 ? (up, up += v) : (down, down += v);
                var (top, bottom) = (Math.Min(y(from), y(to)), Math.Max(y(from), y(to)));
                // A hairline of white between neighbouring bars and stacked segments keeps them apart in grey print.
                var inset = columns > 1 ? 0.5f : 0;
                if (from != zero && v >= 0) bottom -= 0.6f;
                else if (from != zero) top += 0.6f;
                ops.Add(new FillOp(new SKRect(left + inset, top, left + bar - inset, Math.Max(bottom, top + 0.3f)), ColorOf(s)));
                if (!stacked) labels.Add((v, left + bar / 2, y(v), v < 0));
            }
            if (stacked && chart.Series.Any(s => Chart.ValueAt(s, c) is not null))
                labels.Add((up + down - 2 * zero, x(c), y(up), false)); // the category's total on top
        }
        // Values are printed on the bars only while each fits above its own bar.
        var decimals = ChartScale.Decimals(labels.Select(l => l.Value), chart.Format);
        var texts = labels.Select(l => ChartScale.Value(l.Value, chart.Format, decimals)).ToList();
        var room = columns == 1 ? slot - 3 : bar + 1;
        if (labels.Count > 0 && chart.Categories.Count <= 12 && labels.Count <= 24 && texts.All(t => width(t, ValueSize, false) <= room))
            for (var i = 0; i < labels.Count; i++)
                ops.Add(new TextOp(texts[i], labels[i].X - width(texts[i], ValueSize, false) / 2,
                    labels[i].Down ? labels[i].Y + ValueSize + 2 : labels[i].Y - 3, ValueSize, false, Ink));
    }

    private void Lines(Chart chart, Func<int, float> x, Func<double, float> y, SKRect plot, List<DrawOp> ops)
    {
        var markers = chart.Categories.Count <= 40;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            // A missing value breaks the line rather than bridging the gap.
            var run = new List<SKPoint>();
            var points = new List<SKPoint>();
            for (var c = 0; c <= chart.Categories.Count; c++)
            {
                if (c < chart.Categories.Count && Chart.ValueAt(chart.Series[s], c) is { } v)
                {
                    run.Add(new(x(c), y(v)));
                    continue;
                }
                if (run.Count > 1) ops.Add(new PathOp(run, 1.6f, ColorOf(s)));
                if (run.Count == 1 || markers) points.AddRange(run);
                run = [];
            }
            foreach (var p in points) ops.Add(new MarkerOp(p, 2.4f, ColorOf(s), ShapeOf(s)));
        }
        if (chart.Series.Count == 1 && chart.Categories.Count <= 12) PointLabels(chart, chart.Series[0], x, y, ops);
    }

    /// <summary>
    /// A single short series carries its values (more would crowd the lines): above each point, below a
    /// dip (where the line comes down to it from both sides), and to the other side of a reference line it would touch.
    /// </summary>
    private void PointLabels(Chart chart, ChartSeries series, Func<int, float> x, Func<double, float> y, List<DrawOp> ops)
    {
        var values = Enumerable.Range(0, chart.Categories.Count).Select(c => Chart.ValueAt(series, c)).ToList();
        var decimals = ChartScale.Decimals(values.OfType<double>(), chart.Format);
        var references = chart.ReferenceLines.Select(r => y(r.Value)).ToList();
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c] is not { } v) continue;
            var neighbours = new[] { c > 0 ? values[c - 1] : null, c + 1 < values.Count ? values[c + 1] : null }.OfType<double>().ToList();
            var below = neighbours.Count > 0 && neighbours.All(n => n > v);
            float LabelY(bool under) => under ? y(v) + ValueSize + 4 : y(v) - 5;
            if (references.Any(r => r > LabelY(below) - ValueSize - 1 && r < LabelY(below) + 2)) below = !below;
            var text = ChartScale.Value(v, chart.Format, decimals);
            ops.Add(new TextOp(text, x(c) - width(text, ValueSize, false) / 2, LabelY(below), ValueSize, false, Ink));
        }
    }

    /// <summary>Dashed across the plot, each label beside its line's right end; labels of close lines are pushed apart downwards.</summary>
    private void ReferenceLines(Chart chart, Func<double, float> y, SKRect plot, float labelWidth, List<DrawOp> ops)
    {
        var free = float.MinValue; // the lowest label's bottom so far
        foreach (var r in chart.ReferenceLines.OrderByDescending(r => r.Value))
        {
            var ly = y(r.Value);
            ops.Add(new PathOp([new(plot.Left, ly), new(plot.Right, ly)], 0.9f, Reference, [4, 3]));
            var lines = Wrap(r.Label, labelWidth, LabelSize, false);
            var top = Math.Max(ly - lines.Count * LabelSize * 1.3f / 2, free);
            foreach (var line in lines)
            {
                ops.Add(new TextOp(line, plot.Right + 6, top + LabelSize * 0.95f, LabelSize, false, Reference));
                top += LabelSize * 1.3f;
            }
            free = top;
        }
    }

    /// <summary>How the x labels are kept apart: every <see cref="Every"/>-th shown, each as lines; staggered ones alternate between two rows.</summary>
    private sealed record XLabels(int Every, bool Staggered, IReadOnlyList<IReadOnlyList<string>> Lines, float Height);

    /// <summary>
    /// Labels side by side when they fit. Names (departments) must all show, so they wrap onto two
    /// lines, or else alternate between two rows, each then having two bars' width. A line chart, or
    /// one over periods (months), is read in order: every 2nd, 3rd, 4th, 6th… is named, the ones
    /// between still ticked on the axis. Labels are never turned: pdftotext reads turned text reversed.
    /// </summary>
    private XLabels XAxisLabels(Chart chart, float plotWidth)
    {
        var n = Math.Max(chart.Categories.Count, 1);
        var slot = plotWidth / n;
        var widest = chart.Categories.Select(c => width(c, LabelSize, false)).DefaultIfEmpty(0).Max();
        IReadOnlyList<IReadOnlyList<string>> single = [.. chart.Categories.Select(c => (IReadOnlyList<string>)[c])];
        if (widest <= slot - 4) return new(1, false, single, LabelLine + 6);
        if (chart.Kind != ChartKind.Line && !chart.Categories.All(c => Period().IsMatch(c)))
        {
            var wrapped = chart.Categories.Select(c => Wrap(c, slot - 4, LabelSize, false)).ToList();
            // Two lines only where each keeps a word's worth (营销部 / （计量）), never a lone 所 under 城区供电.
            if (wrapped.All(w => w.Count <= 2 && (w.Count == 1 || w.All(l => new StringInfo(l).LengthInTextElements >= 2))))
                return new(1, false, wrapped, 2 * LabelLine + 6);
            if (widest <= 2 * slot - 6) return new(1, true, single, 2 * LabelLine + 6);
        }
        var every = new[] { 2, 3, 4, 6, 12 }.Concat(Enumerable.Range(2, n).Select(k => 12 * k)).First(k => widest <= k * slot - 8 || k >= n);
        return new(every, false, single, LabelLine + 6);
    }

    private const float LabelLine = LabelSize * 1.35f;

    /// <summary>A year, month or quarter: "2025", "2025-01", "2025/1", "2025年1月", "2025Q1", "2025年第1季度".</summary>
    [GeneratedRegex(@"^\d{4}(年|[-/.]\d{1,2}|年\d{1,2}月|\s*Q[1-4]|年第?[1-4一二三四]季度)?$")]
    private static partial Regex Period();

    private void DrawXLabels(Chart chart, XLabels labels, Func<int, float> x, float axisY, SKRect box, List<DrawOp> ops)
    {
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var row = labels.Staggered ? c % 2 : 0;
            if (chart.Kind == ChartKind.Line || labels.Every > 1 || labels.Staggered)
            {
                // A tick under each point; a label of the lower row hangs from a longer one, so it is read with its bar.
                var length = row == 1 ? 4 + LabelLine : c % labels.Every == 0 ? 4 : 2.5f;
                ops.Add(new PathOp([new(x(c), axisY), new(x(c), axisY + length)], 0.6f, Baseline));
            }
            if (c % labels.Every != 0) continue;
            var lineY = axisY + 6 + LabelSize + row * LabelLine;
            foreach (var line in labels.Lines[c])
            {
                var lw = width(line, LabelSize, false);
                var left = Math.Clamp(x(c) - lw / 2, box.Left, box.Right - lw); // the first and last labels stay inside the margins
                ops.Add(new TextOp(line, left, lineY, LabelSize, false, Label));
                lineY += LabelLine;
            }
        }
    }

    private IReadOnlyList<string> Wrap(string text, float w, float size, bool bold) => LineBreaker.Break(text, s => width(s, size, bold), w);
}
