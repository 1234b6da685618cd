using System.Globalization;

namespace PowerService.Domain.Documents;

/// <summary>A value axis: from <see cref="Min"/> to <see cref="Max"/> in steps of <see cref="Step"/>, a tick at each.</summary>
public sealed record ChartAxis(double Min, double Max, double Step)
{
    public IReadOnlyList<double> Ticks =>
        [.. Enumerable.Range(0, (int)Math.Round((Max - Min) / Step) + 1).Select(i => Math.Round(Min + i * Step, 10))];
}

/// <summary>
/// The y axis of a chart and how its numbers read. Ticks are "nice" (1, 2, 2.5 or 5 times a power of
/// ten), 4–6 of them when the data allows, so a reader can interpolate by eye. Kept apart from
/// drawing so the choices are tested without a font.
/// </summary>
public static class ChartScale
{
    private const int MaxIntervals = 5, MinIntervals = 3;

    /// <summary>
    /// The axis for a chart: bars (and line charts of counts) start at zero because their length is the
    /// amount; a line of rates zooms in on its data, since the month-to-month movement near a threshold
    /// is what a manager reads — unless its values are spread over more than half the way down to zero.
    /// Reference lines always fall inside; a rate axis does not run past 100 % when no value does.
    /// </summary>
    public static ChartAxis For(Chart chart)
    {
        var values = Values(chart).Concat(chart.ReferenceLines.Select(r => r.Value)).Where(double.IsFinite).ToList();
        var percent = chart.Format == ChartValueFormat.Percent;
        if (values.Count == 0) return Nice(0, percent ? 1 : 5, percent);
        double lo = values.Min(), hi = values.Max();
        var zoom = chart.Kind == ChartKind.Line && percent && lo > 0 && lo >= hi / 2;
        if (!zoom)
        {
            lo = Math.Min(lo, 0);
            hi = Math.Max(hi, 0);
        }
        else
        {
            lo = Math.Max(0, lo - (hi - lo) * 0.1 - 0.005); // the lowest point sits a little above the axis
        }
        if (hi == lo) (lo, hi) = hi > 0 ? (zoom ? lo * 0.9 : 0, hi) : hi < 0 ? (hi, 0) : (0, percent ? 1 : 5);
        return Nice(lo, hi, percent, cap: percent && hi <= 1 ? 1 : null);
    }

    /// <summary>
    /// The fewest-ticks-but-fine-enough axis covering lo..hi: the smallest nice step that needs at most
    /// five intervals. Counts step by whole numbers; 2.5 is used only where it reads as a whole number
    /// (25, 250, 25 %). Under three intervals the axis grows upward (or, against <paramref name="cap"/>, downward).
    /// </summary>
    public static ChartAxis Nice(double lo, double hi, bool percent, double? cap = null)
    {
        var unit = percent ? 100.0 : 1.0; // steps are judged in the units a reader sees
        var span = Math.Max(hi - lo, 1e-9);
        var exponent = (int)Math.Floor(Math.Log10(span * unit / MaxIntervals)) - 1;
        for (var e = exponent; ; e++)
        {
            foreach (var mantissa in new[] { 1, 2, 2.5, 5 })
            {
                var shown = mantissa * Math.Pow(10, e);
                if (!percent && shown < 1) continue; // no half complaints
                if (mantissa == 2.5 && e < 1) continue;
                var step = shown / unit;
                var min = Math.Floor(Math.Round(lo / step, 9)) * step;
                var max = Math.Ceiling(Math.Round(hi / step, 9)) * step;
                var intervals = (int)Math.Round((max - min) / step);
                if (intervals > MaxIntervals) continue;
                for (; intervals < MinIntervals; intervals++)
                {
                    if (cap is null || max + step <= cap.Value + 1e-9) max += step;
                    else if (min - step >= -1e-9) min -= step;
                    else break;
                }
                return new(Math.Round(min, 10), Math.Round(max, 10), Math.Round(step, 12));
            }
        }
    }

    /// <summary>A tick's label: as many decimals as the step needs ("87.5%" only on a 2.5 % step).</summary>
    public static string Tick(double value, ChartAxis axis, ChartValueFormat format)
    {
        var unit = format == ChartValueFormat.Percent ? 100 : 1;
        var decimals = 0;
        while (decimals < 4 && Math.Abs(Math.Round(axis.Step * unit * Math.Pow(10, decimals)) - axis.Step * unit * Math.Pow(10, decimals)) > 1e-6) decimals++;
        return Number(value * unit, decimals) + (unit == 100 ? "%" : "");
    }

    /// <summary>
    /// Decimals for the value labels of one chart, the same for all so they line up: none when every
    /// value is whole (counts, or rates like 85 %), otherwise one ("92.3%", and then "99.0%").
    /// </summary>
    public static int Decimals(IEnumerable<double> values, ChartValueFormat format)
    {
        var unit = format == ChartValueFormat.Percent ? 100 : 1;
        return values.Any(v => Math.Abs(Math.Round(v * unit, 1) - Math.Round(v * unit)) > 1e-9) ? 1 : 0;
    }

    /// <summary>A value's label: counts with thousands separators ("1,234"), rates as percent ("92.3%").</summary>
    public static string Value(double value, ChartValueFormat format, int decimals) =>
        Number(value * (format == ChartValueFormat.Percent ? 100 : 1), decimals) + (format == ChartValueFormat.Percent ? "%" : "");

    /// <summary>The values the axis must hold: each value, or for stacked bars each category's positive and negative sums.</summary>
    private static IEnumerable<double> Values(Chart chart)
    {
        if (chart.Kind != ChartKind.StackedBar)
            return chart.Series.SelectMany(s => Enumerable.Range(0, chart.Categories.Count).Select(i => Chart.ValueAt(s, i))).OfType<double>();
        return Enumerable.Range(0, chart.Categories.Count).SelectMany(i =>
        {
            var values = chart.Series.Select(s => Chart.ValueAt(s, i)).OfType<double>().ToList();
            return new[] { values.Where(v => v > 0).Sum(), values.Where(v => v < 0).Sum() };
        });
    }

    private static string Number(double value, int decimals) =>
        (Math.Round(value, decimals) == 0 ? 0 : value).ToString("N" + decimals, CultureInfo.InvariantCulture); // never "-0"
}
