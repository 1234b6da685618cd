using PowerService.Domain.Documents;

namespace PowerService.Tests.Domain.Documents;

/// <summary>The y axis a chart gets and how its numbers read, without a font.</summary>
public class ChartScaleTests
{
    private static Chart Bars(params double?[] values) => new("t", ChartKind.Bar, [.. values.Select((_, i) => $"c{i}")], [new("s", values)]);

    private static Chart Rates(params double?[] values) =>
        new("t", ChartKind.Line, [.. values.Select((_, i) => $"2025-{i + 1:D2}")], [new("s", values)], ChartValueFormat.Percent);

    [Theory]
    [InlineData(0, 51, 0, 60, 20)]       // 0 20 40 60
    [InlineData(0, 100, 0, 100, 20)]     // 0 20 40 60 80 100
    [InlineData(0, 120, 0, 125, 25)]     // 25 where it reads as a whole number
    [InlineData(0, 290, 0, 300, 100)]
    [InlineData(-12, 30, -20, 30, 10)]   // below zero too
    [InlineData(0, 2, 0, 3, 1)]          // no half complaints; at least three intervals
    [InlineData(0, 12400, 0, 12500, 2500)]
    public void Count_axes_take_nice_whole_steps(double lo, double hi, double min, double max, double step)
    {
        var axis = ChartScale.Nice(lo, hi, percent: false);

        Assert.Equal(new ChartAxis(min, max, step), axis);
        Assert.InRange(axis.Ticks.Count, 4, 6);
    }

    [Fact]
    public void A_bar_chart_starts_at_zero_however_high_its_bars()
    {
        var axis = ChartScale.For(Bars(140, 290, 210));

        Assert.Equal(0, axis.Min);
        Assert.Equal([0, 100, 200, 300], axis.Ticks);
    }

    [Fact]
    public void A_rate_trend_zooms_in_around_its_fail_line_and_stops_at_100_percent()
    {
        var chart = Rates(0.81, 0.93, 0.976, 0.88) with { ReferenceLines = [new(0.85, "不合格线 85%")] };

        var axis = ChartScale.For(chart);

        Assert.Equal([0.75, 0.8, 0.85, 0.9, 0.95, 1.0], axis.Ticks);
        Assert.Equal(["75%", "80%", "85%", "90%", "95%", "100%"], axis.Ticks.Select(t => ChartScale.Tick(t, axis, ChartValueFormat.Percent)));
    }

    [Fact]
    public void A_reference_line_outside_the_data_is_still_on_the_axis()
    {
        var chart = Rates(0.95, 0.97, 0.99) with { ReferenceLines = [new(0.85, "不合格线 85%")] };

        Assert.InRange(ChartScale.For(chart).Min, 0, 0.85);
    }

    [Fact]
    public void Rates_spread_far_from_each_other_keep_zero()
    {
        Assert.Equal(0, ChartScale.For(Rates(0.2, 0.6, 0.9)).Min);
    }

    [Fact]
    public void A_stacked_axis_holds_each_category_total()
    {
        var chart = new Chart("t", ChartKind.StackedBar, ["a", "b"], [new("x", [18, 4]), new("y", [24, 17])]);

        Assert.Equal(new ChartAxis(0, 50, 10), ChartScale.For(chart)); // 18 + 24 = 42
    }

    [Fact]
    public void Missing_values_are_left_out_and_an_empty_chart_still_has_an_axis()
    {
        Assert.Equal(new ChartAxis(0, 60, 20), ChartScale.For(Bars(null, 51, double.NaN)));
        Assert.Equal(new ChartAxis(0, 5, 1), ChartScale.For(Bars()));
        Assert.Equal(new ChartAxis(0, 1, 0.2), ChartScale.For(Rates(null, null)));
    }

    [Theory]
    [InlineData(0.875, 0.025, "87.5%")] // a 2.5 % step needs its decimal
    [InlineData(0.85, 0.05, "85%")]
    [InlineData(1, 0.2, "100%")]
    public void Percent_ticks_show_the_decimals_their_step_needs(double value, double step, string expected)
    {
        Assert.Equal(expected, ChartScale.Tick(value, new ChartAxis(0, 1, step), ChartValueFormat.Percent));
    }

    [Fact]
    public void Count_ticks_have_thousands_separators()
    {
        Assert.Equal("12,000", ChartScale.Tick(12000, new ChartAxis(0, 15000, 3000), ChartValueFormat.Count));
    }

    [Fact]
    public void Value_labels_of_one_chart_share_their_decimals()
    {
        double[] rates = [0.962, 0.99];
        var decimals = ChartScale.Decimals(rates, ChartValueFormat.Percent);

        Assert.Equal(["96.2%", "99.0%"], rates.Select(r => ChartScale.Value(r, ChartValueFormat.Percent, decimals)));
        Assert.Equal(0, ChartScale.Decimals([0.85, 0.9], ChartValueFormat.Percent));
        Assert.Equal("1,234", ChartScale.Value(1234, ChartValueFormat.Count, ChartScale.Decimals([1234, 7], ChartValueFormat.Count)));
    }
}
