using MudBlazor;
using PowerService.Domain;
using PowerService.Domain.Sla;

namespace PowerService.Web.Features.Sla;

/// <summary>How a clock reading looks: its colour and its words ("剩余 3小时20分", "已超时 2天1小时").</summary>
public static class ClockDisplay
{
    public static Color ColorOf(ClockState state) => state switch
    {
        ClockState.OnTrack => Color.Success,
        ClockState.Warning => Color.Warning,
        ClockState.Critical => Color.Error,
        ClockState.Breached => Color.Error,
        ClockState.MetLate => Color.Warning,
        _ => Color.Default,
    };

    public static Variant VariantOf(ClockState state) => state is ClockState.Breached ? Variant.Filled : Variant.Outlined;

    public static string Describe(ClockReading reading) => reading.State switch
    {
        ClockState.Met => "按时完成",
        ClockState.MetLate => $"超时 {Span(-reading.Left)} 完成",
        ClockState.Superseded or ClockState.Cancelled => Labels.Of(reading.State),
        ClockState.Breached => $"已超时 {Span(-reading.Left)}",
        _ => $"剩余 {Span(reading.Left)}",
    };

    /// <summary>A duration the way staff say it: days and hours, or hours and minutes, or minutes.</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalDays >= 1) return $"{(int)span.TotalDays}天{span.Hours}小时";
        if (span.TotalHours >= 1) return $"{(int)span.TotalHours}小时{span.Minutes}分";
        return $"{Math.Max(span.Minutes, span.Seconds > 0 ? 1 : 0)}分钟";
    }
}
