using PowerService.Domain;
using PowerService.Domain.Reports;
using PowerService.Domain.Time;
using PowerService.Web.Features.Reports;

namespace PowerService.Web.Features.Complaints;

/// <summary>One condition of a drill-down as the banner shows it, and the filter without it (null: it cannot be dropped).</summary>
public sealed record DrillCondition(string Key, string Label, ReportFilter? Without);

/// <summary>
/// The 工作台 opened from a report's number: the <see cref="ReportFilter"/> its link carries, or why
/// the link cannot be read. A link that is not understood lists nothing rather than everything: a
/// manager who clicked "37 超时" must not be shown the whole queue as if it were those 37.
/// </summary>
public sealed record QueueDrillDown(ReportFilter? Filter, string? Error)
{
    /// <summary>The link's query names (<see cref="ReportFilter.ToQuery"/>) and what each is called on screen.</summary>
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["period"] = "报表期间", ["asof"] = "统计时刻", ["dept"] = "部门", ["handler"] = "处理人", ["category"] = "类别", ["sub"] = "子类",
        ["channel"] = "渠道", ["urgency"] = "紧急程度", ["level"] = "督办级别", ["clock"] = "超时时钟", ["fact"] = "指标",
        ["nea"] = "12398 分类", ["nea12398"] = "12398 全部诉求", ["cause"] = "根本原因",
    };

    /// <summary>Every query name a drill-down link can carry.</summary>
    public static IEnumerable<string> Keys => Names.Keys;

    /// <summary>The drill-down an address asks for; null when it asks for none.</summary>
    public static QueueDrillDown? Read(Uri address)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(address.Query);
        return Read(key => query.TryGetValue(key, out var v) ? v.ToString() : null);
    }

    /// <summary>The drill-down a query asks for; null when it asks for none (no drill-down name in it at all).</summary>
    public static QueueDrillDown? Read(Func<string, string?> get)
    {
        var present = Names.Keys.Where(k => !string.IsNullOrEmpty(get(k))).ToList();
        if (present.Count == 0) return null;
        var filter = ReportFilter.FromQuery(get);
        // Every value given must be in the filter read back: a value dropped (too long, not understood) would widen the list.
        var kept = filter?.ToQuery();
        var lost = kept is null ? null : present.FirstOrDefault(k => kept.GetValueOrDefault(k) is null);
        if (filter is not null && lost is null) return new(filter, null);
        return new(null, Problem(get, present, lost));
    }

    private static string Problem(Func<string, string?> get, IReadOnlyList<string> present, string? lost)
    {
        const string after = "为免误导，未列出任何投诉；请返回报表重新打开明细，或清除后查看工作台。";
        if (lost is null)
        {
            // Which value is not understood: each given one tried alone with a period and an instant known to be good.
            var probe = new ReportFilter(ReportPeriod.Year(2026), DateTimeOffset.UnixEpoch).ToQuery();
            lost = present.FirstOrDefault(k => ReportFilter.FromQuery(key => key == k ? get(k) : probe.GetValueOrDefault(key)) is null);
            if (lost is null)
            {
                var missing = Names.Keys.Where(k => probe.GetValueOrDefault(k) is not null && string.IsNullOrEmpty(get(k))).Select(k => $"「{Names[k]}」");
                return $"报表链接不完整：缺少{string.Join("和", missing)}。{after}";
            }
        }
        var value = get(lost) ?? "";
        return $"报表链接无法识别：「{Names[lost]}」的值“{(value.Length > 30 ? value[..30] + "…" : value)}”无效。{after}";
    }

    /// <summary>What the banner shows, in the order a report names it; the period stays (without it the list is no report's).</summary>
    public IReadOnlyList<DrillCondition> Conditions(string? handlerName)
    {
        if (Filter is not { } f) return [];
        var list = new List<DrillCondition> { new("period", f.Period.Label, null) };
        void Add(string key, string? label, ReportFilter without)
        {
            if (label is not null) list.Add(new(key, label, without));
        }
        Add("dept", f.Department, f with { Department = null });
        Add("handler", f.HandlerId is null ? null : handlerName ?? f.HandlerId, f with { HandlerId = null });
        Add("category", f.Category is { } c ? Labels.Of(c) : null, f with { Category = null });
        Add("sub", f.SubCategory, f with { SubCategory = null });
        Add("channel", f.Channel is { } ch ? Labels.Of(ch) : null, f with { Channel = null });
        Add("urgency", f.Urgency is { } u ? Labels.Of(u) : null, f with { Urgency = null });
        Add("level", f.Escalation is { } e ? $"{Labels.Of(e)}督办" : null, f with { Escalation = null });
        Add("nea12398", f.AllRegulatorItems ? "12398 全部诉求" : null, f with { AllRegulatorItems = false });
        Add("nea", f.Regulator is { } g ? $"12398 {Labels.Of(g)}" : null, f with { Regulator = null });
        Add("clock", f.BreachedClock is { } k ? $"{Labels.Of(k)}超时" : null, f with { BreachedClock = null });
        Add("fact", f.Fact is { } fact ? Labels.Of(fact) : null, f with { Fact = null });
        Add("cause", f.RootCause is { } r ? $"根本原因：{r}" : null, f with { RootCause = null });
        return list;
    }

    /// <summary>The instant the report's number was read at, as the banner says it.</summary>
    public string AsOfText => Filter is { } f ? ChinaTime.Format(f.AsOf) : "";

    /// <summary>The report the link came from: its period and department (the rest are its rows and columns).</summary>
    public static string ReportUrl(ReportFilter? filter) => filter is null
        ? "/reports"
        : $"/reports?period={Uri.EscapeDataString(filter.Period.Slug)}" + (filter.Department is { } d ? $"&dept={Uri.EscapeDataString(d)}" : "");

    /// <summary>What the 受理期间 filter offers: the recent months, and the period chosen when it is another (a link's quarter, year or days).</summary>
    public static IEnumerable<ReportPeriod> PeriodChoices(DateTimeOffset now, ReportPeriod? chosen)
    {
        var months = RecentMonths(now);
        return chosen is not null && !months.Contains(chosen) ? months.Prepend(chosen) : months;
    }

    /// <summary>The months the queue's 受理期间 filter offers: this China month and the 23 before it, newest first.</summary>
    public static IReadOnlyList<ReportPeriod> RecentMonths(DateTimeOffset now, int count = 24)
    {
        var today = ChinaTime.ChinaDate(now);
        var first = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, count).Select(i => first.AddMonths(-i)).Select(m => ReportPeriod.Month(m.Year, m.Month))];
    }
}
