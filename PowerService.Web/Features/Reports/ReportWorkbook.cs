using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Reports.Export;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// The report as an Excel workbook: 汇总, 部门, 处理人, 分类, 渠道, 趋势, 12398, 服务忌语, 抽样回访 and 明细 sheets, the same
/// numbers as the page (rates as fractions with a percent format, so they stay numbers in Excel).
/// The detail sheet streams from the database; <paramref name="progress"/> counts its rows.
/// </summary>
public static class ReportWorkbook
{
    public static async Task WriteAsync(Stream output, ReportBundle report, AppDbContext db, bool masked, IProgress<int>? progress, CancellationToken ct)
    {
        var book = XlsxWriter.Create(output, report.Title, report.Scorecard.AsOf);
        await using (book)
        {
            var titles = Titles(report, masked);
            await book.WriteSheetAsync(new SheetSpec("汇总", SummaryColumns, titles), Rows(Summary(report.Scorecard)), null, ct);
            await book.WriteSheetAsync(new SheetSpec("部门", ScoreColumns(false), titles), Rows(report.Scorecard.Departments.Select(r => ScoreCells(r, false))), null, ct);
            await book.WriteSheetAsync(new SheetSpec("处理人", ScoreColumns(true), titles), Rows(report.Scorecard.Handlers.Select(r => ScoreCells(r, true))), null, ct);
            await book.WriteSheetAsync(new SheetSpec("分类", BreakdownColumns("类别 / 子类"), titles),
                Rows(report.Breakdowns.ByCategory.Concat(report.Breakdowns.BySubCategory).Select(BreakdownCells)), null, ct);
            await book.WriteSheetAsync(new SheetSpec("渠道", BreakdownColumns("渠道"), titles), Rows(report.Breakdowns.ByChannel.Select(BreakdownCells)), null, ct);
            await book.WriteSheetAsync(new SheetSpec("趋势", TrendColumns, titles), Rows(report.Trend.Months.Select(TrendCells)), null, ct);
            await book.WriteSheetAsync(new SheetSpec("12398统计", RegulatorColumns, titles), Rows(RegulatorRows(report.Regulator)), null, ct);
            await book.WriteSheetAsync(new SheetSpec("服务忌语", WordingColumns, titles), Rows(WordingRows(report.Breakdowns.Wording)), null, ct);
            await book.WriteSheetAsync(new SheetSpec("抽样回访", SamplingColumns, titles), Rows(SamplingRows(report.Sampling)), null, ct);
            var detail = report.Scorecard.Total.Filter;
            await book.WriteSheetAsync(new SheetSpec("明细", ReportDetail.Columns, titles), ReportDetail.RowsAsync(db, detail, masked, ct), progress, ct);
            await book.CompleteAsync(ct);
        }
    }

    private static IReadOnlyList<string> Titles(ReportBundle report, bool masked) =>
    [
        report.Title,
        $"数据截至 {ChinaTime.Format(report.Scorecard.AsOf)} · 评分规则第 {report.Scorecard.Policy.Version} 版 · 明细{(masked ? "客户信息已脱敏" : "含完整客户联系方式（已记录）")}",
    ];

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }

    private static readonly IReadOnlyList<XlsxColumn> SummaryColumns =
    [
        new("指标", 18), new("本期", 11, XlsxFormat.Percent1), new("上期", 11, XlsxFormat.Percent1), new("去年同期", 11, XlsxFormat.Percent1),
        new("得分", 8, XlsxFormat.Decimal1), new("权重", 8, XlsxFormat.Integer), new("结论", 12), new("分子", 10, XlsxFormat.Integer), new("分母", 10, XlsxFormat.Integer),
    ];

    private static IEnumerable<object?[]> Summary(Scorecard card)
    {
        for (var i = 0; i < 4; i++)
        {
            var item = card.Total.Score.Items[i];
            yield return [Labels.Of(item.Kpi), item.Rate, card.Previous.Score.Items[i].Rate, card.LastYear.Score.Items[i].Rate,
                item.Points, item.Weight, Labels.Of(item.Verdict), item.Numerator, item.Denominator];
        }
        yield return ["综合得分", null, null, null, card.Total.Score.Composite, 100, null, null, null];
        yield return ["受理量", null, null, null, null, null, null, card.Total.Counts.Received, null];
        yield return ["计入考核", null, null, null, null, null, null, card.Total.Counts.Counted, null];
        yield return ["超时件数", null, null, null, null, null, null, card.Total.Counts.Overdue, null];
        yield return ["平均处理时长（工作小时）", null, null, null, card.Total.Counts.AverageHandlingHours, null, null, null, null];
    }

    private static IReadOnlyList<XlsxColumn> ScoreColumns(bool handlers) =>
    [
        new(handlers ? "处理人" : "部门", 16), .. handlers ? [new XlsxColumn("部门", 16)] : Array.Empty<XlsxColumn>(),
        new("受理量", 9, XlsxFormat.Integer), new("计入考核", 9, XlsxFormat.Integer), new("超时", 8, XlsxFormat.Integer),
        new("及时率", 9, XlsxFormat.Percent1), new("满意度", 9, XlsxFormat.Percent1), new("一次解决率", 10, XlsxFormat.Percent1), new("回访率", 9, XlsxFormat.Percent1),
        new("平均处理时长（工作小时）", 12, XlsxFormat.Decimal1), new("综合得分", 9, XlsxFormat.Decimal1),
    ];

    private static object?[] ScoreCells(ScoreRow r, bool handlers) =>
    [
        r.Label, .. handlers ? [r.Department] : Array.Empty<object?>(),
        r.Counts.Received, r.Counts.Counted, r.Counts.Overdue,
        r.Score.Timeliness.Rate, r.Score.Satisfaction.Rate, r.Score.FirstTime.Rate, r.Score.Revisit.Rate,
        r.Counts.AverageHandlingHours, r.Score.Composite,
    ];

    private static IReadOnlyList<XlsxColumn> BreakdownColumns(string first) =>
    [
        new(first, 26), new("受理量", 9, XlsxFormat.Integer), new("超时", 8, XlsxFormat.Integer), new("及时率", 9, XlsxFormat.Percent1),
        new("满意度", 9, XlsxFormat.Percent1), new("一次解决率", 10, XlsxFormat.Percent1), new("重新处理", 9, XlsxFormat.Integer), new("平均处理时长（工作小时）", 12, XlsxFormat.Decimal1),
    ];

    private static object?[] BreakdownCells(BreakdownRow r) =>
        [r.Label, r.Counts.Received, r.Counts.Overdue, r.Counts.TimelinessRate, r.Counts.SatisfactionRate, r.Counts.FirstTimeRate, r.Counts.Reopened, r.Counts.AverageHandlingHours];

    private static readonly IReadOnlyList<XlsxColumn> TrendColumns =
    [
        new("月份", 10), new("受理量", 9, XlsxFormat.Integer), .. Enum.GetValues<Category>().Select(c => new XlsxColumn(Labels.Of(c), 12, XlsxFormat.Integer)),
        new("及时率", 9, XlsxFormat.Percent1), new("满意度", 9, XlsxFormat.Percent1), new("一次解决率", 10, XlsxFormat.Percent1), new("回访率", 9, XlsxFormat.Percent1),
    ];

    private static object?[] TrendCells(TrendMonth m) =>
    [
        m.Month.Slug, m.Counts.Received, .. Enum.GetValues<Category>().Select(c => (object?)m.ByCategory[c]),
        m.Counts.TimelinessRate, m.Counts.SatisfactionRate, m.Counts.FirstTimeRate, m.Counts.RevisitRate,
    ];

    private static readonly IReadOnlyList<XlsxColumn> RegulatorColumns =
    [
        new("分组", 10), new("项目", 22), new("受理量", 9, XlsxFormat.Integer), new("已办结", 9, XlsxFormat.Integer), new("按期办结", 9, XlsxFormat.Integer),
        new("按期办结率", 10, XlsxFormat.Percent1), new("书面答复", 9, XlsxFormat.Integer), new("回访评价", 9, XlsxFormat.Integer), new("满意", 8, XlsxFormat.Integer), new("满意率", 9, XlsxFormat.Percent1),
    ];

    private static IEnumerable<object?[]> RegulatorRows(RegulatorStatistics s) =>
        s.ByCategory.Append(s.Total).Select(r => RegulatorCells("事项类别", r))
            .Concat(s.ComplaintsByIssue.Select(r => RegulatorCells("投诉问题类型", r)))
            .Concat(s.ComplaintsByDepartment.Select(r => RegulatorCells("责任部门", r)));

    private static object?[] RegulatorCells(string group, RegulatorRow r) =>
        [group, r.Label, r.Received, r.Handled, r.HandledInTime, r.InTimeRate, r.RepliedInWriting, r.Rated, r.Satisfied, r.SatisfactionRate];

    private static readonly IReadOnlyList<XlsxColumn> WordingColumns = [new("分组", 10), new("项目", 30), new("次数", 9, XlsxFormat.Integer)];

    private static IEnumerable<object?[]> WordingRows(WordingUse use) =>
        use.ByDepartment.Select(c => new object?[] { "部门", c.Label, c.Count })
            .Concat(use.ByPerson.Select(c => new object?[] { "人员", c.Label, c.Count }))
            .Concat(use.ByPhrase.Select(c => new object?[] { "忌语", c.Label, c.Count }))
            .Append(["合计", "", use.Total]);

    private static readonly IReadOnlyList<XlsxColumn> SamplingColumns =
    [
        new("层级", 14), new("抽样期间", 30), new("部门", 16), new("抽取", 8, XlsxFormat.Integer), new("已回访", 8, XlsxFormat.Integer),
        new("联系到", 8, XlsxFormat.Integer), new("满意", 8, XlsxFormat.Integer), new("确已解决", 9, XlsxFormat.Integer),
        new("抽查完成率", 10, XlsxFormat.Percent1), new("抽查满意率", 10, XlsxFormat.Percent1), new("问题真实解决率", 12, XlsxFormat.Percent1),
        new("发现问题", 9, XlsxFormat.Integer), new("已整改", 8, XlsxFormat.Integer), new("逾期未整改", 10, XlsxFormat.Integer),
    ];

    private static IEnumerable<object?[]> SamplingRows(SamplingStatistics s) =>
        s.ByLevel.Select(r => SamplingCells(r.Label, "全部", s.Total.Department ?? "全公司", r.Counts))
            .Append(SamplingCells("合计", "全部", s.Total.Department ?? "全公司", s.Total.Counts))
            .Concat(s.ByBatch.Select(r => SamplingCells(Labels.Of(r.Level!.Value), r.Label, r.Department, r.Counts)));

    private static object?[] SamplingCells(string level, string period, string? department, Domain.Sampling.SamplingCounts c) =>
        [level, period, department, c.Sampled, c.Recorded, c.Reached, c.Satisfied, c.Resolved,
            c.CompletionRate, c.SatisfactionRate, c.ResolvedRate, c.ProblemsFound, c.ProblemsFixed, c.ProblemsOverdue];
}
