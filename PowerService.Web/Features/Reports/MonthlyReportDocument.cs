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
    public static DocumentSpec Build(ReportBundle report)
    {
        var card = report.Scorecard;
        List<DocumentBlock> blocks =
        [
            new KeyValueTable(
            [
                new("统计期间", $"{card.Period.Label}（{card.Period.First:yyyy-MM-dd} 至 {card.Period.Last:yyyy-MM-dd}）"),
                new("统计范围", report.Scope),
                new("数据截至", ChinaTime.Format(card.AsOf)),
                new("评分规则", $"第 {card.Policy.Version} 版（自 {card.Policy.EffectiveFrom:yyyy-MM-dd} 起施行）"),
            ]),
            new Heading("一、考核评分"),
            new Paragraph($"本期受理投诉 {ReportFormat.Count(card.Total.Counts.Received)} 件，计入考核 {ReportFormat.Count(card.Total.Counts.Counted)} 件，"
                          + $"在办 {ReportFormat.Count(card.Total.Counts.Open)} 件，超时 {ReportFormat.Count(card.Total.Counts.Overdue)} 件；综合得分 {ReportFormat.Points(card.Total.Score.Composite)} 分。"),
            new DataTable(["指标", "本期", "上期", "去年同期", "得分", "结论"], [3, 2, 2, 2, 1.5f, 2],
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
            blocks.Add(new Heading("二、部门对比"));
            blocks.Add(ScoreTable("部门", card.Departments));
        }
        blocks.Add(new Heading(card.Department is null ? "三、处理人" : "二、处理人"));
        blocks.Add(ScoreTable("处理人", card.Handlers));
        blocks.AddRange(MonthlyReportCharts.Trend(report.Trend));
        blocks.Add(new Heading("分类统计"));
        blocks.Add(new DataTable(["类别", "受理量", "超时", "及时率", "满意度", "一次解决率"], [3, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f],
            [.. report.Breakdowns.ByCategory.Concat(report.Breakdowns.ByChannel.Where(r => r.Counts.Received > 0)).Select(BreakdownCells)]));
        blocks.Add(new BulletList(
        [
            "各时限超时件数：" + string.Join("，", report.Breakdowns.BreachesByClock.Select(b => $"{b.Label} {ReportFormat.Count(b.Count)}")),
            $"重新处理的投诉 {ReportFormat.Count(report.Breakdowns.Reopened.Count)} 件；整改措施 {ReportFormat.Count(report.Breakdowns.ImprovementActions)} 项，已过整改期限 {ReportFormat.Count(report.Breakdowns.ActionsPastDue)} 项",
            .. report.Breakdowns.RootCauses.Take(5).Select((c, i) => $"常见根本原因 {i + 1}：{c.Label}（{ReportFormat.Count(c.Count)} 件）"),
        ]));
        blocks.Add(new Heading("12398 能源监管热线统计"));
        blocks.Add(new DataTable(["事项类别", "受理量", "已办结", "按期办结率", "书面答复", "满意率"], [3, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f],
            [.. report.Regulator.ByCategory.Append(report.Regulator.Total).Select(r => (IReadOnlyList<string>)
                [r.Label, ReportFormat.Count(r.Received), ReportFormat.Count(r.Handled), ReportFormat.Percent(r.InTimeRate), ReportFormat.Count(r.RepliedInWriting), ReportFormat.Percent(r.SatisfactionRate)])]));
        blocks.Add(new Heading("指标口径"));
        blocks.Add(new Paragraph(KpiRules.Attribution));
        blocks.AddRange(KpiRules.Describe(card.Policy).Select(r => new Paragraph($"{r.Name}（权重 {r.Weight}）：{r.Formula}{r.Scoring}")));
        return new DocumentSpec(report.Title, "PowerService 投诉管理报表", blocks);
    }

    private static DataTable ScoreTable(string first, IReadOnlyList<ScoreRow> rows) =>
        new([first, "受理量", "超时", "及时率", "满意度", "一次解决率", "回访率", "综合得分"], [2.6f, 1.3f, 1.1f, 1.3f, 1.3f, 1.5f, 1.3f, 1.3f],
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

/// <summary>The report's charts; until chart blocks exist, the trend as a table.</summary>
internal static class MonthlyReportCharts
{
    public static IEnumerable<DocumentBlock> Trend(Trend trend)
    {
        yield return new Heading("月度趋势（近 24 个月）");
        yield return new DataTable(["月份", "受理量", .. Enum.GetValues<Category>().Select(Labels.Of), "满意度"], [1.3f, 1.1f, 1.4f, 1.4f, 1.4f, 1.4f, 1.1f, 1.2f],
            [.. trend.Months.Select(m => (IReadOnlyList<string>)
                [m.Month.Slug, ReportFormat.Count(m.Counts.Received), .. Enum.GetValues<Category>().Select(c => ReportFormat.Count(m.ByCategory[c])), ReportFormat.Percent(m.Counts.SatisfactionRate)])]);
    }
}
