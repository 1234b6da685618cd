using System.Globalization;
using MudBlazor;
using PowerService.Domain.Reports;

namespace PowerService.Web.Features.Reports;

/// <summary>How report numbers are written and coloured, the same on the page, in the xlsx and the PDF.</summary>
public static class ReportFormat
{
    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(long n) => n.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Points(decimal? points) => points is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) : "—";

    public static string Hours(decimal? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>The change from a comparison period in percentage points ("+2.1 个百分点"), or "—".</summary>
    public static string Change(decimal? now, decimal? before) =>
        now is { } n && before is { } b ? $"{((n - b) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} 个百分点" : "—";

    public static Color ColorOf(KpiVerdict verdict) => verdict switch
    {
        KpiVerdict.Fail => Color.Error,
        KpiVerdict.Deducted or KpiVerdict.BelowTarget => Color.Warning,
        KpiVerdict.Reward => Color.Success,
        KpiVerdict.Pass => Color.Primary,
        _ => Color.Default,
    };

    /// <summary>The cell class that colours a rate by its verdict in tables.</summary>
    public static string CellClass(KpiVerdict verdict) => verdict switch
    {
        KpiVerdict.Fail => "kpi-fail",
        KpiVerdict.Deducted or KpiVerdict.BelowTarget => "kpi-warn",
        KpiVerdict.Reward => "kpi-reward",
        _ => "",
    };
}
