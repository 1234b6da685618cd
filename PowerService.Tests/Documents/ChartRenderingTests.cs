using Microsoft.Extensions.Options;
using PowerService.Domain.Documents;
using PowerService.Tests.Support;
using PowerService.Web.Features.Documents;

namespace PowerService.Tests.Documents;

/// <summary>Charts in a real PDF (read back with pdftotext) and in the PNG preview; the pages are kept in artifacts/charts/ to look at.</summary>
public sealed class ChartRenderingTests : IDisposable
{
    private static readonly DateTimeOffset Issued = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly DocumentFonts _fonts = new(Options.Create(new DocumentOptions()));

    private static readonly string[] Departments = ["城区供电所", "营销部（计量）", "运维检修部", "客户服务中心", "西湖供电所", "萧山供电所"];

    /// <summary>24 months, 2024-01 … 2025-12.</summary>
    private static readonly string[] Months = [.. Enumerable.Range(0, 24).Select(i => new DateOnly(2024, 1, 1).AddMonths(i).ToString("yyyy-MM"))];

    public static Chart DepartmentBars() => new("图1 本月各部门投诉件数", ChartKind.Bar, Departments,
        [new("本月", [42, 31, 18, 9, 27, 23]), new("上年同期", [51, 28, 22, 12, 25, 30])]);

    /// <summary>Two rates over 24 months against the fail line; one month without rated cases leaves a gap.</summary>
    public static Chart SatisfactionTrend() => new("图2 近24个月客户满意率与一次解决率", ChartKind.Line, Months,
        [
            new("客户满意率", [.. Enumerable.Range(0, 24).Select(i => (double?)Math.Round(0.905 + 0.035 * Math.Sin(i / 2.3) + 0.002 * i, 3))]),
            new("一次解决率", [.. Enumerable.Range(0, 24).Select(i => i == 7 ? null : (double?)Math.Round(0.84 + 0.04 * Math.Cos(i / 3.1) + 0.001 * i, 3))]),
        ],
        ChartValueFormat.Percent)
    { ReferenceLines = [new(0.85, "不合格线 85%")] };

    public static Chart CategoryStack() => new("图3 各部门投诉分类构成", ChartKind.StackedBar, Departments,
        [new("停电问题", [18, 4, 9, 2, 12, 10]), new("电费电价", [9, 17, 2, 3, 6, 5]), new("服务态度", [8, 5, 3, 3, 5, 4]), new("其他", [7, 5, 4, 1, 4, 4])]);

    public static Chart SingleTimeliness() => new("图4 各季度办结及时率", ChartKind.Line, ["2025Q1", "2025Q2", "2025Q3", "2025Q4"],
        [new("办结及时率", [0.962, 0.981, 0.947, 0.99])], ChartValueFormat.Percent)
    { ReferenceLines = [new(0.95, "目标 95%")], Height = 190 };

    /// <summary>24 months as bars: each bar keeps its label, turned 45°.</summary>
    public static Chart MonthlyCounts() => new("图5 近24个月投诉受理量", ChartKind.Bar, Months,
        [new("受理量", [.. Enumerable.Range(0, 24).Select(i => (double?)Math.Round(180 + 60 * Math.Sin(i / 1.9) + 3 * i))])]);

    /// <summary>Twelve units with long names: too many to sit side by side or on two lines.</summary>
    public static Chart UnitSatisfaction() => new("图6 各供电单位客户满意率", ChartKind.Bar,
        ["城区供电所", "营销部（计量）", "运维检修部", "客户服务中心", "西湖供电所", "萧山供电所", "余杭供电所", "富阳供电所", "临安供电所", "桐庐供电所", "淳安供电所", "建德供电所"],
        [new("满意率", [0.962, 0.915, 0.883, 0.97, 0.941, 0.842, 0.905, 0.928, 0.951, 0.87, 0.899, 0.934])], ChartValueFormat.Percent)
    { ReferenceLines = [new(0.85, "不合格线 85%")] };

    private static DocumentSpec Report(params DocumentBlock[] blocks) =>
        new("2025年12月投诉管理月度报告", "国网杭州供电公司 客户服务中心", blocks, "KPI-202512");

    private DocumentRenderer Renderer()
    {
        Assert.True(_fonts.Problem is null, _fonts.Problem);
        return new DocumentRenderer(_fonts);
    }

    [Fact]
    public void A_bar_chart_and_a_24_month_line_chart_read_back_with_title_legend_and_axis_labels()
    {
        var spec = Report(new Heading("一、投诉总量"), DepartmentBars(), new Heading("二、满意率趋势"), SatisfactionTrend());

        var pdf = Renderer().Pdf(spec, Issued);
        File.WriteAllBytes(Artifacts.PathFor("charts", "kpi-charts.pdf"), pdf);
        var text = PdfText.Squeeze(PdfText.Extract(pdf));

        foreach (var expected in new[]
        {
            "图1本月各部门投诉件数", "本月", "上年同期", "城区供电所", "营销部", "客户服务中心", "萧山供电所", "42", "51", // bars carry their values
            "图2近24个月客户满意率与一次解决率", "客户满意率", "一次解决率", "不合格线85%", "2024-01", "90%", "85%",
        })
            Assert.Contains(expected, text);
        // 24 months do not fit side by side: every other (or third…) one is named, from the first on.
        var named = Months.Count(text.Contains);
        Assert.InRange(named, 6, 12);
        Assert.DoesNotContain("2024-02", text);
    }

    [Fact]
    public void A_chart_that_does_not_fit_moves_whole_to_the_next_page_and_the_footer_counts_it()
    {
        var filler = Enumerable.Range(1, 30).Select(i => (DocumentBlock)new Paragraph($"第{i}段：本月共受理投诉若干件，按期办结，回访满意，较上月有所下降。")).ToList();
        var spec = Report([.. filler, SatisfactionTrend()]);
        var renderer = Renderer();

        var pdf = renderer.Pdf(spec, Issued);
        File.WriteAllBytes(Artifacts.PathFor("charts", "chart-on-next-page.pdf"), pdf);
        var pages = PdfText.Extract(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries).Select(PdfText.Squeeze).ToList();

        Assert.Equal(2, pages.Count);
        Assert.Contains("第30段", pages[0]);
        Assert.DoesNotContain("图2", pages[0]);
        Assert.Contains("图2近24个月客户满意率与一次解决率", pages[1]);
        Assert.Contains("不合格线85%", pages[1]);
        Assert.Contains("第1页共2页", pages[0]);
        Assert.Contains("第2页共2页", pages[1]);
        Assert.Equal(2, renderer.Png(spec).Count);
    }

    [Fact]
    public void A_stacked_bar_chart_reads_back_with_its_totals()
    {
        var pdf = Renderer().Pdf(Report(CategoryStack()), Issued);
        var text = PdfText.Squeeze(PdfText.Extract(pdf));

        foreach (var expected in new[] { "图3各部门投诉分类构成", "停电问题", "电费电价", "服务态度", "其他", "萧山供电所", "42", "23" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public void Twelve_long_unit_names_all_read_back_whole_and_24_monthly_bars_name_every_other_month()
    {
        var pdf = Renderer().Pdf(Report(UnitSatisfaction(), MonthlyCounts()), Issued);
        var lines = PdfText.Extract(pdf).Split('\n', ' ').Select(l => l.Trim()).ToHashSet();

        // Too wide to sit side by side, the names take two rows rather than being turned (turned text reads back reversed).
        Assert.All(UnitSatisfaction().Categories, name => Assert.Contains(name, lines));
        Assert.Contains("不合格线", lines);
        Assert.Contains("2024-01", lines);
        Assert.Contains("2024-03", lines);
        Assert.DoesNotContain("2024-02", lines);
    }

    [Fact]
    public void Odd_charts_still_draw_empty_negative_single_many_series_and_taller_than_a_page()
    {
        string[] quarters = ["2025Q1", "2025Q2", "2025Q3", "2025Q4"];
        var spec = Report(
            new Chart("无数据", ChartKind.Bar, [], []),
            new Chart("全部缺值", ChartKind.Line, quarters, [new("满意率", [null, null, null, null])], ChartValueFormat.Percent),
            new Chart("同比增减（件）", ChartKind.Bar, Departments, [new("增减", [-9, 3, -4, -3, 2, -7])]) { Height = 170 },
            new Chart("单一类别", ChartKind.StackedBar, ["城区供电所"], [new("停电", [3]), new("电费", [2])]) { Height = 170 },
            new Chart("七个系列", ChartKind.Line, quarters,
                [.. Enumerable.Range(1, 7).Select(i => new ChartSeries($"系列{i}", [.. quarters.Select((_, q) => (double?)(10 * i + q * i))]))]),
            new Chart("高于一页", ChartKind.Bar, ["甲", "乙"], [new("件数", [1, 2])]) { Height = 2000 });
        var renderer = Renderer();

        var images = renderer.Png(spec, scale: 1.5f);
        for (var i = 0; i < images.Count; i++) File.WriteAllBytes(Artifacts.PathFor("charts", $"odd-charts-page{i + 1}.png"), images[i]);
        var text = PdfText.Squeeze(PdfText.Extract(renderer.Pdf(spec, Issued)));

        foreach (var title in new[] { "无数据", "全部缺值", "同比增减（件）", "单一类别", "七个系列", "系列7", "高于一页", "-9", "-10", "暂无数据" })
            Assert.Contains(title, text);
        Assert.Equal(3, images.Count); // the chart taller than a page is cut to one page
    }

    [Fact]
    public void The_preview_draws_charts_to_png_pages()
    {
        var spec = Report(new Heading("一、投诉总量"), DepartmentBars(), SatisfactionTrend(), new Heading("二、分类与及时率"), CategoryStack(), SingleTimeliness(),
            new Heading("三、受理量与单位满意率"), MonthlyCounts(), UnitSatisfaction());

        var renderer = Renderer();
        var images = renderer.Png(spec, scale: 2f);
        File.WriteAllBytes(Artifacts.PathFor("charts", "kpi-charts-all.pdf"), renderer.Pdf(spec, Issued));

        Assert.Equal(3, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], images[i][..4]);
            File.WriteAllBytes(Artifacts.PathFor("charts", $"kpi-charts-page{i + 1}.png"), images[i]);
        }
    }

    public void Dispose() => _fonts.Dispose();
}
