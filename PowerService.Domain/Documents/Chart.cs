namespace PowerService.Domain.Documents;

public enum ChartKind { Bar, Line, StackedBar }

/// <summary>How values read: counts ("1,234"), or rates kept as 0–1 fractions and shown as "85%".</summary>
public enum ChartValueFormat { Count, Percent }

/// <summary>One named series, a value per category; null where there is no value (a gap in a line, no bar).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A horizontal line across the plot at a value, drawn dashed with its label (e.g. 不合格线 85%).</summary>
public sealed record ChartReferenceLine(double Value, string Label);

/// <summary>
/// A chart as a document block — e.g. the monthly KPI report's 24-month satisfaction trend against
/// its fail line, or complaints per department. Categories run along the x axis ("2025-01" …, or
/// department names); each series has a value per category. The y axis is chosen by
/// <see cref="ChartScale.For"/>; the Web layout draws it. <see cref="Height"/> is the block's whole
/// height in points (title, legend and axis labels included); null takes the layout's default.
/// </summary>
public sealed record Chart(
    string Title,
    ChartKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    ChartValueFormat Format = ChartValueFormat.Count) : DocumentBlock
{
    public IReadOnlyList<ChartReferenceLine> ReferenceLines { get; init; } = [];

    public double? Height { get; init; }

    /// <summary>A series' value at a category; a series shorter than the categories has no value there.</summary>
    public static double? ValueAt(ChartSeries series, int category) =>
        category < series.Values.Count && series.Values[category] is { } v && double.IsFinite(v) ? v : null;
}
