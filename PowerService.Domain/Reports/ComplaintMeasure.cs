using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Domain.Sla;

namespace PowerService.Domain.Reports;

/// <summary>
/// What the KPIs need to know of one complaint, in plain columns: the facts the scorecard, the
/// breakdowns and the 12398 statistics count. It is derived from the complaint alone and refreshed
/// whenever the complaint is saved, so reports read a narrow table instead of every complaint's
/// record. Nothing here depends on the time of reading: a clock that is still running carries its
/// due instant, and whether it is overdue is decided when the report is read (<see cref="KpiCounts"/>).
/// </summary>
public sealed class ComplaintMeasure
{
    /// <summary>The clocks that make a case overdue (投诉处理及时率): response, customer contact and handling.</summary>
    public static IReadOnlyList<ClockKind> TimelinessClocks { get; } = [ClockKind.FirstResponse, ClockKind.CustomerContact, ClockKind.Handling];

    public int ComplaintId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The China month of receipt as yyyymm (202607), what a trend groups by.</summary>
    public int ReceivedMonth { get; init; }
    public string Department { get; init; } = "";
    public string HandlerId { get; init; } = "";
    public string HandlerName { get; init; } = "";
    public Category Category { get; init; }
    public string SubCategory { get; init; } = "";
    public Channel Channel { get; init; }
    public Urgency Urgency { get; init; }
    public Stage Stage { get; init; }
    public ReclassifiedAs? ReclassifiedAs { get; init; }
    public EscalationLevel Escalation { get; init; }
    public int ReopenCount { get; init; }

    /// <summary>A response, contact or handling clock still runs: timeliness is not known yet (unless already overdue).</summary>
    public bool TimelinessOpen { get; init; }

    /// <summary>The earliest instant one of <see cref="TimelinessClocks"/> was, or will be, late: the due time of one that ended late or still runs.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    public DateTimeOffset? FirstResponseBreachAt { get; init; }
    public DateTimeOffset? ContactBreachAt { get; init; }
    public DateTimeOffset? HandlingBreachAt { get; init; }
    public DateTimeOffset? FirstRevisitBreachAt { get; init; }
    public DateTimeOffset? SecondRevisitBreachAt { get; init; }
    public DateTimeOffset? ImprovementBreachAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }
    public int? HandlingMinutes { get; init; }

    /// <summary>
    /// The satisfaction of the first revisit that reached the customer: their verdict on how the complaint
    /// was handled. Not the last word: a dissatisfied revisit re-opens the resolution and a complaint
    /// closes only after a satisfied one, so every closed complaint would end "satisfied". Null when no
    /// revisit reached the customer.
    /// </summary>
    public Satisfaction? FirstSatisfaction { get; init; }

    /// <summary>When the first revisit fell due (24 h after the first resolution): from then on the complaint counts as owed a revisit.</summary>
    public DateTimeOffset? RevisitOwedAt { get; init; }

    /// <summary>The first revisit that reached the customer; an attempt that did not reach them is not a revisit.</summary>
    public DateTimeOffset? RevisitedAt { get; init; }

    /// <summary>When the first 12398 written reply was issued.</summary>
    public DateTimeOffset? RepliedInWritingAt { get; init; }

    public string? RootCause { get; init; }
    public int ImprovementActions { get; init; }

    /// <summary>The corrective actions' due dates (yyyy-MM-dd, ';'-separated), to count those past due.</summary>
    public string? ActionDueDates { get; init; }

    public const int RootCauseLength = 100;

    public bool IsCounted => !Stage.IsSideEnd();

    public DateTimeOffset? BreachAt(ClockKind kind) => kind switch
    {
        ClockKind.FirstResponse => FirstResponseBreachAt,
        ClockKind.CustomerContact => ContactBreachAt,
        ClockKind.Handling => HandlingBreachAt,
        ClockKind.FirstRevisit => FirstRevisitBreachAt,
        ClockKind.SecondRevisit => SecondRevisitBreachAt,
        _ => ImprovementBreachAt,
    };

    public static ComplaintMeasure Of(Complaint c)
    {
        // Clocks a new round replaced or the complaint's end cancelled say nothing about timeliness.
        var judged = c.Clocks.Where(k => k.EndedAs is null or ClockEnd.Completed).ToList();
        DateTimeOffset? Breach(ClockKind kind) =>
            judged.Where(k => k.Kind == kind && (k.IsRunning || k.StoppedAt > k.DueAt)).Select(k => (DateTimeOffset?)k.DueAt).Min();
        var timeliness = judged.Where(k => TimelinessClocks.Contains(k.Kind)).ToList();
        var reached = c.Revisits.Where(r => r.Record.Reached).ToList();
        var actions = c.Improvement?.Actions ?? [];
        return new ComplaintMeasure
        {
            ComplaintId = c.Id,
            ReceivedAt = c.ReceivedAt,
            ReceivedMonth = MonthOf(c.ReceivedAt),
            Department = c.Department,
            HandlerId = c.Owner.UserId,
            HandlerName = c.Owner.DisplayName,
            Category = c.Category,
            SubCategory = c.SubCategory,
            Channel = c.Channel,
            Urgency = c.Urgency,
            Stage = c.Stage,
            ReclassifiedAs = c.ReclassifiedAs,
            Escalation = c.Escalation,
            ReopenCount = c.ReopenCount,
            TimelinessOpen = timeliness.Any(k => k.IsRunning),
            OverdueAt = timeliness.Where(k => k.IsRunning || k.StoppedAt > k.DueAt).Select(k => (DateTimeOffset?)k.DueAt).Min(),
            FirstResponseBreachAt = Breach(ClockKind.FirstResponse),
            ContactBreachAt = Breach(ClockKind.CustomerContact),
            HandlingBreachAt = Breach(ClockKind.Handling),
            FirstRevisitBreachAt = Breach(ClockKind.FirstRevisit),
            SecondRevisitBreachAt = Breach(ClockKind.SecondRevisit),
            ImprovementBreachAt = Breach(ClockKind.Improvement),
            ResolvedAt = c.ResolvedAt,
            HandlingMinutes = c.ResolvedAt is null ? null : c.HandlingWorkingMinutes,
            FirstSatisfaction = reached.Count == 0 ? null : reached[0].Record.Satisfaction,
            RevisitOwedAt = c.Clocks.Where(k => k.Kind == ClockKind.FirstRevisit).Select(k => (DateTimeOffset?)k.DueAt).FirstOrDefault()
                            ?? c.ResolvedAt?.AddHours(24), // no revisit rule in the policy: 24 h, as the seeds say
            RevisitedAt = reached.Count == 0 ? null : reached[0].At,
            RepliedInWritingAt = c.IssuedDocuments.Where(d => d.Kind == DocumentKind.Reply12398).Select(d => (DateTimeOffset?)d.At).Min(),
            RootCause = RootCauseOf(c.Improvement?.RootCause),
            ImprovementActions = actions.Count,
            ActionDueDates = actions.Count == 0 ? null : string.Join(';', actions.Select(a => a.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")),
        };
    }

    public static int MonthOf(DateTimeOffset instant)
    {
        var day = Time.ChinaTime.ChinaDate(instant);
        return day.Year * 100 + day.Month;
    }

    /// <summary>A root cause as grouped in the "most frequent" list: trimmed, without closing punctuation, cut to a length.</summary>
    public static string? RootCauseOf(string? text)
    {
        var t = text?.Trim().TrimEnd('。', '；', '，', '.', ';', ',');
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length <= RootCauseLength ? t : t[..RootCauseLength];
    }

    /// <summary>How many corrective actions are past their due date on <paramref name="today"/>.</summary>
    public int ActionsPastDue(DateOnly today) =>
        ActionDueDates is null ? 0
            : ActionDueDates.Split(';').Count(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due) && due < today);
}
