using System.Globalization;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// Which complaints a report's number counts: a period of receipt, a scope, a group (department,
/// handler, category…), a fact (overdue, satisfied…) and the instant the number was read at. The
/// report counts with it and the drill-down's queue lists with it (as its link's query string), so
/// the list behind a number is exactly the complaints the number counted.
/// </summary>
public sealed record ReportFilter(ReportPeriod Period, DateTimeOffset AsOf)
{
    public string? Department { get; init; }
    public string? HandlerId { get; init; }
    public Category? Category { get; init; }
    public string? SubCategory { get; init; }
    public Channel? Channel { get; init; }
    public Urgency? Urgency { get; init; }
    public EscalationLevel? Escalation { get; init; }

    /// <summary>The clock breached (ended late or past due while running), among counted complaints.</summary>
    public ClockKind? BreachedClock { get; init; }

    public KpiFact? Fact { get; init; }

    /// <summary>The 12398 statistics' category (counted where it belongs, merged items not at all).</summary>
    public RegulatorCategory? Regulator { get; init; }

    public string? RootCause { get; init; }

    /// <summary>Every item of the 12398 statistics: received through 12398 and not merged into another (that one is counted).</summary>
    public bool AllRegulatorItems { get; init; }

    public IQueryable<ComplaintMeasure> Apply(IQueryable<ComplaintMeasure> measures)
    {
        var (from, to, at) = (Period.From, Period.To, AsOf);
        // The months too (implied by the instants: a measure's month is its China month of receipt), so
        // the database seeks the period along the reports' index, which starts with the month.
        var (firstMonth, lastMonth) = (Period.First.Year * 100 + Period.First.Month, Period.Last.Year * 100 + Period.Last.Month);
        var q = measures.Where(m => m.ReceivedMonth >= firstMonth && m.ReceivedMonth <= lastMonth && m.ReceivedAt >= from && m.ReceivedAt < to);
        if (Department is { } d) q = q.Where(m => m.Department == d);
        if (HandlerId is { } h) q = q.Where(m => m.HandlerId == h);
        if (Category is { } c) q = q.Where(m => m.Category == c);
        if (SubCategory is { } s) q = q.Where(m => m.SubCategory == s);
        if (Channel is { } ch) q = q.Where(m => m.Channel == ch);
        if (Urgency is { } u) q = q.Where(m => m.Urgency == u);
        if (Escalation is { } e) q = q.Where(m => m.Escalation == e);
        if (RootCause is { } r) q = q.Where(m => m.RootCause == r);
        if (Regulator is { } g) q = q.Where(RegulatorCondition(g));
        if (AllRegulatorItems) q = q.Where(m => m.Channel == Domain.Complaints.Channel.Regulator12398 && m.Stage != Stage.Merged);
        if (BreachedClock is { } k) q = q.Where(MeasureFacts.Of(MeasureFacts.BreachedParts(k, at)));
        if (Fact is { } f) q = q.Where(MeasureFacts.Of(f, at));
        return q;
    }

    /// <summary>The same mapping as <see cref="RegulatorCategories.Of"/>, as a condition on 12398 items.</summary>
    private static System.Linq.Expressions.Expression<Func<ComplaintMeasure, bool>> RegulatorCondition(RegulatorCategory category) => category switch
    {
        RegulatorCategory.Report => m => m.Channel == Domain.Complaints.Channel.Regulator12398 && m.Stage == Stage.Reclassified && m.ReclassifiedAs == ReclassifiedAs.Report,
        RegulatorCategory.Enquiry => m => m.Channel == Domain.Complaints.Channel.Regulator12398 && m.Stage == Stage.Reclassified && m.ReclassifiedAs == ReclassifiedAs.Enquiry,
        RegulatorCategory.Other => m => m.Channel == Domain.Complaints.Channel.Regulator12398 && m.Stage == Stage.Reclassified
                                        && m.ReclassifiedAs != ReclassifiedAs.Report && m.ReclassifiedAs != ReclassifiedAs.Enquiry,
        _ => m => m.Channel == Domain.Complaints.Channel.Regulator12398 && m.Stage != Stage.Reclassified && m.Stage != Stage.Merged,
    };

    // The query string of a drill-down link. Short names keep links readable; values are the English
    // enum names (never shown), dates are China dates, the instant is Unix milliseconds.
    private const string PeriodKey = "period", AsOfKey = "asof", DepartmentKey = "dept", HandlerKey = "handler", CategoryKey = "category",
        SubCategoryKey = "sub", ChannelKey = "channel", UrgencyKey = "urgency", EscalationKey = "level", ClockKey = "clock", FactKey = "fact",
        RegulatorKey = "nea", AllRegulatorKey = "nea12398", RootCauseKey = "cause";

    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        [PeriodKey] = Period.Slug,
        [AsOfKey] = AsOf.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        [DepartmentKey] = Department, [HandlerKey] = HandlerId, [CategoryKey] = Category?.ToString(), [SubCategoryKey] = SubCategory,
        [ChannelKey] = Channel?.ToString(), [UrgencyKey] = Urgency?.ToString(), [EscalationKey] = Escalation?.ToString(),
        [ClockKey] = BreachedClock?.ToString(), [FactKey] = Fact?.ToString(), [RegulatorKey] = Regulator?.ToString(), [RootCauseKey] = RootCause,
        [AllRegulatorKey] = AllRegulatorItems ? "1" : null,
    };

    /// <summary>The queue's link for this filter.</summary>
    public string QueueUrl => "/?" + string.Join("&", ToQuery().Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>The last instant <see cref="DateTimeOffset"/> holds (a larger one in a link would throw, not be refused).</summary>
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads a drill-down link's query back; null when it is not one (no period or instant) or a value is not understood.</summary>
    public static ReportFilter? FromQuery(Func<string, string?> get)
    {
        if (ReportPeriod.Parse(get(PeriodKey)) is not { } period) return null;
        if (!long.TryParse(get(AsOfKey), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > MaxUnixMilliseconds) return null;
        var ok = true;
        T? Enum<T>(string key) where T : struct, System.Enum
        {
            var v = get(key);
            if (string.IsNullOrEmpty(v)) return null;
            if (System.Enum.TryParse<T>(v, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
            ok = false;
            return null;
        }
        string? Text(string key) => get(key) is { Length: > 0 and <= 200 } v ? v : null;
        var filter = new ReportFilter(period, DateTimeOffset.FromUnixTimeMilliseconds(ms))
        {
            Department = Text(DepartmentKey), HandlerId = Text(HandlerKey), Category = Enum<Category>(CategoryKey), SubCategory = Text(SubCategoryKey),
            Channel = Enum<Channel>(ChannelKey), Urgency = Enum<Urgency>(UrgencyKey), Escalation = Enum<EscalationLevel>(EscalationKey),
            BreachedClock = Enum<ClockKind>(ClockKey), Fact = Enum<KpiFact>(FactKey), Regulator = Enum<RegulatorCategory>(RegulatorKey), RootCause = Text(RootCauseKey),
            AllRegulatorItems = get(AllRegulatorKey) == "1",
        };
        return ok ? filter : null;
    }
}
