using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Domain.Reports;
using PowerService.Domain.Time;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// The monthly (or any period's) report as a document for the existing renderer: A4, 第 N 页 共 M 页,
/// the scorecard, department comparison, charts of the trend, breakdowns and the 12398 statistics —
/// the same numbers, formatted as the page formats them (<see cref="ReportFormat"/>).
/// </summary>
public static class MonthlyReportDocument
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八"];

    public static DocumentSpec Build(ReportBundle report)
    {
        var card = report.Scorecard;
        var section = 0;
        Heading Section(string title) => new($"{Numerals[section++]}、{title}");
        List<DocumentBlock> blocks =
        [
            new KeyValueTable(
            [
                new("统计期间", $"{card.Period.Label}（{card.Period.First:yyyy-MM-dd} 至 {card.Period.Last:yyyy-MM-dd}）"),
                new("统计范围", report.Scope),
                new("数据截至", ChinaTime.Format(card.AsOf)),
                new("评分规则", $"第 {card.Policy.Version} 版（自 {card.Policy.EffectiveFrom:yyyy-MM-dd} 起施行）"),
            ]),
            Section("考核评分"),
            new Paragraph($"本期受理投诉 {ReportFormat.Count(card.Total.Counts.Received)} 件，计入考核 {ReportFormat.Count(card.Total.Counts.Counted)} 件，"
                          + $"在办 {ReportFormat.Count(card.Total.Counts.Open)} 件，超时 {ReportFormat.Count(card.Total.Counts.Overdue)} 件；综合得分 {ReportFormat.Points(card.Total.Score.Composite)} 分。"),
            new DataTable(["指标", "本期", "上期", "去年同期", "得分", "结论"], [3, 1.8f, 1.8f, 1.8f, 1.6f, 2.6f],
            [
                .. card.Total.Score.Items.Select((item, i) => (IReadOnlyList<string>)
                [
                    Labels.Of(item.Kpi), ReportFormat.Percent(item.Rate), ReportFormat.Percent(card.Previous.Score.Items[i].Rate),
                    ReportFormat.Percent(card.LastYear.Score.Items[i].Rate), $"{ReportFormat.Points(item.Points)} / {item.Weight}", Labels.Of(item.Verdict),
                ]),
                ["综合得分", ReportFormat.Points(card.Total.Score.Composite), ReportFormat.Points(card.Previous.Score.Composite), ReportFormat.Points(card.LastYear.Score.Composite), "", ""],
            ]),
        ];
        if (card.Department is null)
        {
            blocks.Add(Section("部门对比"));
            blocks.Add(ScoreTable("部门", card.Departments));
            blocks.Add(MonthlyReportCharts.Departments(card.Departments, card.Policy));
        }
        blocks.Add(Section("处理人"));
        blocks.Add(ScoreTable("处理人", card.Handlers));
        blocks.Add(Section("月度趋势（近 24 个月）"));
        blocks.AddRange(MonthlyReportCharts.Trend(report.Trend));
        blocks.Add(Section("分类统计"));
        blocks.Add(new DataTable(["类别", "受理量", "超时", "及时率", "满意度", "一次解决率"], [3, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f],
            [.. report.Breakdowns.ByCategory.Concat(report.Breakdowns.ByChannel.Where(r => r.Counts.Received > 0)).Select(BreakdownCells)]));
        blocks.Add(new BulletList(
        [
            "各时限超时件数：" + string.Join("，", report.Breakdowns.BreachesByClock.Select(b => $"{b.Label} {ReportFormat.Count(b.Count)}")),
            $"重新处理的投诉 {ReportFormat.Count(report.Breakdowns.Reopened.Count)} 件；整改措施 {ReportFormat.Count(report.Breakdowns.ImprovementActions)} 项，已过整改期限 {ReportFormat.Count(report.Breakdowns.ActionsPastDue)} 项",
            .. report.Breakdowns.RootCauses.Take(5).Select((c, i) => $"常见根本原因 {i + 1}：{c.Label}（{ReportFormat.Count(c.Count)} 件）"),
        ]));
        blocks.Add(Section("12398 能源监管热线统计"));
        blocks.Add(new DataTable(["事项类别", "受理量", "已办结", "按期办结率", "书面答复", "满意率"], [3, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f],
            [.. report.Regulator.ByCategory.Append(report.Regulator.Total).Select(r => (IReadOnlyList<string>)
                [r.Label, ReportFormat.Count(r.Received), ReportFormat.Count(r.Handled), ReportFormat.Percent(r.InTimeRate), ReportFormat.Count(r.RepliedInWriting), ReportFormat.Percent(r.SatisfactionRate)])]));
        blocks.Add(Section("指标口径"));
        blocks.Add(new Paragraph(KpiRules.Attribution));
        blocks.AddRange(KpiRules.Describe(card.Policy).Select(r => new Paragraph($"{r.Name}（权重 {r.Weight}）：{r.Formula}{r.Scoring}")));
        return new DocumentSpec(report.Title, "PowerService 投诉管理报表", blocks);
    }

    private static DataTable ScoreTable(string first, IReadOnlyList<ScoreRow> rows) =>
        new([first, "受理量", "超时", "及时率", "满意度", "一次解决率", "回访率", "综合得分"], [2.6f, 1.3f, 1.1f, 1.3f, 1.3f, 1.8f, 1.3f, 1.6f],
            [.. rows.Select(r => (IReadOnlyList<string>)
            [
                r.Label, ReportFormat.Count(r.Counts.Received), ReportFormat.Count(r.Counts.Overdue), ReportFormat.Percent(r.Score.Timeliness.Rate),
                ReportFormat.Percent(r.Score.Satisfaction.Rate), ReportFormat.Percent(r.Score.FirstTime.Rate), ReportFormat.Percent(r.Score.Revisit.Rate),
                ReportFormat.Points(r.Score.Composite),
            ])]);

    private static IReadOnlyList<string> BreakdownCells(BreakdownRow r) =>
        [r.Label, ReportFormat.Count(r.Counts.Received), ReportFormat.Count(r.Counts.Overdue), ReportFormat.Percent(r.Counts.TimelinessRate),
         ReportFormat.Percent(r.Counts.SatisfactionRate), ReportFormat.Percent(r.Counts.FirstTimeRate)];
}

/// <summary>The report's charts: the 24-month volume by category (the summer peak shows), the four rates against their lines, and the departments' satisfaction.</summary>
internal static class MonthlyReportCharts
{
    public static IEnumerable<DocumentBlock> Trend(Trend trend)
    {
        var months = trend.Months.Select(m => m.Month.Slug).ToList();
        yield return new Chart("月度受理量（按类别）", ChartKind.StackedBar, months,
            [.. Enum.GetValues<Category>().Select(c => new ChartSeries(Labels.Of(c), [.. trend.Months.Select(m => (double?)m.ByCategory[c])]))]);
        yield return new Chart("客户满意度与一次解决率", ChartKind.Line, months,
        [
            new ChartSeries(Labels.Of(Kpi.Satisfaction), [.. trend.Months.Select(m => Rate(m.Counts.SatisfactionRate))]),
            new ChartSeries(Labels.Of(Kpi.FirstTime), [.. trend.Months.Select(m => Rate(m.Counts.FirstTimeRate))]),
        ], ChartValueFormat.Percent)
        {
            ReferenceLines = [new ChartReferenceLine(0.85, "满意度不合格线 85%"), new ChartReferenceLine(0.80, "一次解决率目标 80%")],
        };
        yield return new Chart("投诉处理及时率与回访率", ChartKind.Line, months,
        [
            new ChartSeries(Labels.Of(Kpi.Timeliness), [.. trend.Months.Select(m => Rate(m.Counts.TimelinessRate))]),
            new ChartSeries(Labels.Of(Kpi.Revisit), [.. trend.Months.Select(m => Rate(m.Counts.RevisitRate))]),
        ], ChartValueFormat.Percent);
    }

    /// <summary>Each department's satisfaction this period, against the fail line.</summary>
    public static Chart Departments(IReadOnlyList<ScoreRow> departments, KpiPolicy policy) =>
        new("各部门客户满意度", ChartKind.Bar, [.. departments.Select(d => d.Label)],
            [new ChartSeries(Labels.Of(Kpi.Satisfaction), [.. departments.Select(d => Rate(d.Score.Satisfaction.Rate))])], ChartValueFormat.Percent)
        {
            ReferenceLines = [new ChartReferenceLine((double)policy.SatisfactionFailBelow, $"不合格线 {KpiRules.Percent(policy.SatisfactionFailBelow)}")],
        };

    private static double? Rate(decimal? rate) => rate is { } r ? (double)r : null;
}
