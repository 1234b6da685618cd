using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Reports;

/// <summary>Everything a period's report holds, read once, for the files that carry it (xlsx, PDF, archive).</summary>
public sealed record ReportBundle(Scorecard Scorecard, Breakdowns Breakdowns, Trend Trend, RegulatorStatistics Regulator)
{
    public string Scope => Scorecard.Department ?? "全公司";

    public string Title => $"投诉管理报表（{Scorecard.Period.Label} · {Scope}）";

    /// <summary>The file name without extension: 投诉管理报表-2026-10-全公司.</summary>
    public string FileStem => $"投诉管理报表-{Scorecard.Period.Slug}-{Scope}";

    /// <summary>The period's sampled revisits (班组长周抽查, 部门月度抽查, 第三方季度调查).</summary>
    public SamplingStatistics Sampling { get; init; } = SamplingStatistics.Empty(Scorecard.Period, Scorecard.AsOf);
}

public sealed partial class ReportService
{
    /// <summary>The four reports of a period, or why this person may not read them.</summary>
    public async Task<ReportResult<ReportBundle>> BundleAsync(StaffUser user, Domain.Reports.ReportPeriod period, string? department, CancellationToken ct = default)
    {
        var card = await ScorecardAsync(user, period, department, ct);
        if (card.Value is null) return new(null, card.Refusal);
        var breakdowns = await BreakdownsAsync(user, period, department, ct);
        var trend = await TrendAsync(user, period, department, ct);
        var regulator = await RegulatorAsync(user, period, department, ct);
        var sampling = await SamplingAsync(user, period, department, ct);
        return new(new ReportBundle(card.Value, breakdowns.Value!, trend.Value!, regulator.Value!) { Sampling = sampling.Value! }, null);
    }
}
