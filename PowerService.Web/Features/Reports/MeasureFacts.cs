using System.Linq.Expressions;
using System.Reflection;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// The facts of <see cref="KpiFact"/> as conditions the database evaluates on the measures table. The
/// report's counts (<see cref="Counting{TKey}"/>) and the drill-down list (the queue's fact filter)
/// are built from these same conditions, so a number and the list behind it cannot disagree; the
/// domain's <see cref="KpiCounts.One"/> is the from-scratch definition both are tested against.
/// </summary>
public static class MeasureFacts
{
    public static Expression<Func<ComplaintMeasure, bool>> Of(KpiFact fact, DateTimeOffset now)
    {
        var at = now; // a captured variable: EF Core sends it as a parameter
        return fact switch
        {
            KpiFact.Received => m => true,
            KpiFact.Counted => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified,
            KpiFact.Withdrawn => m => m.Stage == Stage.Withdrawn,
            KpiFact.Merged => m => m.Stage == Stage.Merged,
            KpiFact.Reclassified => m => m.Stage == Stage.Reclassified,
            KpiFact.Open => m => m.Stage == Stage.Intake || m.Stage == Stage.Investigate || m.Stage == Stage.Resolve || m.Stage == Stage.Revisit || m.Stage == Stage.Improve,
            KpiFact.Timely => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                   && !m.TimelinessOpen && m.OverdueAt == null,
            KpiFact.Overdue => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                    && m.OverdueAt <= at,
            KpiFact.Judged => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                   && ((!m.TimelinessOpen && m.OverdueAt == null) || m.OverdueAt <= at),
            KpiFact.Rated => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                  && m.FinalSatisfaction != null,
            KpiFact.Satisfied => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                      && (m.FinalSatisfaction == Satisfaction.Satisfied || m.FinalSatisfaction == Satisfaction.FairlySatisfied),
            KpiFact.NotSatisfied => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                         && m.FinalSatisfaction == Satisfaction.Dissatisfied,
            KpiFact.FirstTime => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                      && m.FinalSatisfaction != null && m.ReopenCount == 0,
            KpiFact.NotFirstTime => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                         && m.FinalSatisfaction != null && m.ReopenCount > 0,
            KpiFact.RevisitOwed => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                        && m.ResolvedAt != null && (m.RevisitedAt != null || m.RevisitOwedAt <= at),
            KpiFact.Revisited => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                      && m.ResolvedAt != null && m.RevisitedAt != null,
            KpiFact.NotRevisited => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                         && m.ResolvedAt != null && m.RevisitedAt == null && m.RevisitOwedAt <= at,
            KpiFact.Resolved => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                     && m.ResolvedAt != null,
            KpiFact.Reopened => m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified
                                     && m.ReopenCount > 0,
            KpiFact.Handled => m => m.Stage != Stage.Merged && (m.ResolvedAt != null || m.Stage == Stage.Withdrawn || m.Stage == Stage.Reclassified),
            KpiFact.HandledInTime => m => m.Stage != Stage.Merged && (m.ResolvedAt != null || m.Stage == Stage.Withdrawn || m.Stage == Stage.Reclassified)
                                          && m.HandlingBreachAt == null,
            KpiFact.RepliedInWriting => m => m.Stage != Stage.Merged && m.RepliedInWritingAt != null,
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, null),
        };
    }

    /// <summary>Counted and with a handling time: the average handling time's cases.</summary>
    private static Expression<Func<ComplaintMeasure, bool>> HandlingMeasured =>
        m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified && m.HandlingMinutes != null;

    private static Expression<Func<ComplaintMeasure, long>> HandlingMinutes =>
        m => m.Stage != Stage.Withdrawn && m.Stage != Stage.Merged && m.Stage != Stage.Reclassified && m.HandlingMinutes != null ? (long)m.HandlingMinutes.Value : 0L;

    /// <summary>The facts <see cref="KpiCounts"/> holds, by the name of its property.</summary>
    private static readonly (string Property, KpiFact Fact)[] Counted =
    [
        (nameof(KpiCounts.Received), KpiFact.Received), (nameof(KpiCounts.Withdrawn), KpiFact.Withdrawn), (nameof(KpiCounts.Merged), KpiFact.Merged),
        (nameof(KpiCounts.Reclassified), KpiFact.Reclassified), (nameof(KpiCounts.Counted), KpiFact.Counted), (nameof(KpiCounts.Open), KpiFact.Open),
        (nameof(KpiCounts.Timely), KpiFact.Timely), (nameof(KpiCounts.Overdue), KpiFact.Overdue), (nameof(KpiCounts.Rated), KpiFact.Rated),
        (nameof(KpiCounts.Satisfied), KpiFact.Satisfied), (nameof(KpiCounts.FirstTime), KpiFact.FirstTime), (nameof(KpiCounts.RevisitOwed), KpiFact.RevisitOwed),
        (nameof(KpiCounts.Revisited), KpiFact.Revisited), (nameof(KpiCounts.Resolved), KpiFact.Resolved), (nameof(KpiCounts.Reopened), KpiFact.Reopened),
    ];

    /// <summary>
    /// g => new CountsRow { Key = g.Key, Received = g.Count(…), …, HandlerName = g.Max(m => m.HandlerName) }: one pass
    /// over a group that counts every fact with its condition above. Written as an expression tree
    /// because LINQ cannot put a condition held in a variable into g.Count(…) itself.
    /// </summary>
    public static Expression<Func<IGrouping<TKey, ComplaintMeasure>, CountsRow<TKey>>> Counting<TKey>(DateTimeOffset now)
    {
        Expression<Func<ComplaintMeasure, string>> name = m => m.HandlerName;
        return Build<TKey, CountsRow<TKey>>(now, Counted, (g, row) =>
        [
            Expression.Bind(row.GetProperty(nameof(CountsRow<TKey>.HandlingMeasured))!, Count(g, HandlingMeasured)),
            Expression.Bind(row.GetProperty(nameof(CountsRow<TKey>.HandlingMinutes))!, Call(g, nameof(Enumerable.Sum), HandlingMinutes, typeof(long))),
            Expression.Bind(row.GetProperty(nameof(CountsRow<TKey>.HandlerName))!, Call(g, nameof(Enumerable.Max), name, typeof(string))),
        ]);
    }

    private static readonly (string Property, KpiFact Fact)[] RegulatorCounted =
    [
        (nameof(RegulatorCountsRow<int>.Received), KpiFact.Received), (nameof(RegulatorCountsRow<int>.Handled), KpiFact.Handled),
        (nameof(RegulatorCountsRow<int>.HandledInTime), KpiFact.HandledInTime), (nameof(RegulatorCountsRow<int>.RepliedInWriting), KpiFact.RepliedInWriting),
        (nameof(RegulatorCountsRow<int>.Rated), KpiFact.Rated), (nameof(RegulatorCountsRow<int>.Satisfied), KpiFact.Satisfied),
    ];

    /// <summary>The 12398 statistics' counts of a group, built the same way.</summary>
    public static Expression<Func<IGrouping<TKey, ComplaintMeasure>, RegulatorCountsRow<TKey>>> RegulatorCounting<TKey>(DateTimeOffset now) =>
        Build<TKey, RegulatorCountsRow<TKey>>(now, RegulatorCounted, (_, _) => []);

    private static Expression<Func<IGrouping<TKey, ComplaintMeasure>, TRow>> Build<TKey, TRow>(
        DateTimeOffset now, (string Property, KpiFact Fact)[] facts, Func<ParameterExpression, Type, IEnumerable<MemberBinding>> more)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, ComplaintMeasure>), "g");
        var row = typeof(TRow);
        var bindings = new List<MemberBinding> { Expression.Bind(row.GetProperty("Key")!, Expression.Property(g, "Key")) };
        foreach (var (property, fact) in facts)
            bindings.Add(Expression.Bind(row.GetProperty(property)!, Count(g, Of(fact, now))));
        bindings.AddRange(more(g, row));
        return Expression.Lambda<Func<IGrouping<TKey, ComplaintMeasure>, TRow>>(Expression.MemberInit(Expression.New(row), bindings), g);
    }

    private static MethodCallExpression Count(ParameterExpression g, LambdaExpression condition) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(ComplaintMeasure)], g, condition);

    private static MethodCallExpression Call(ParameterExpression g, string method, LambdaExpression selector, Type result)
    {
        var info = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == method && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == (method == nameof(Enumerable.Max) ? 2 : 1)
                         && m.GetParameters().Length == 2 && m.GetParameters()[1].ParameterType.GetGenericArguments().Last() == (method == nameof(Enumerable.Max) ? m.GetGenericArguments()[1] : result));
        var generic = method == nameof(Enumerable.Max) ? info.MakeGenericMethod(typeof(ComplaintMeasure), result) : info.MakeGenericMethod(typeof(ComplaintMeasure));
        return Expression.Call(generic, g, selector);
    }
}

/// <summary>A group's counts as the database returns them.</summary>
public sealed class CountsRow<TKey>
{
    public TKey Key { get; set; } = default!;
    public int Received { get; set; }
    public int Withdrawn { get; set; }
    public int Merged { get; set; }
    public int Reclassified { get; set; }
    public int Counted { get; set; }
    public int Open { get; set; }
    public int Timely { get; set; }
    public int Overdue { get; set; }
    public int Rated { get; set; }
    public int Satisfied { get; set; }
    public int FirstTime { get; set; }
    public int RevisitOwed { get; set; }
    public int Revisited { get; set; }
    public int Resolved { get; set; }
    public int Reopened { get; set; }
    public int HandlingMeasured { get; set; }
    public long HandlingMinutes { get; set; }
    public string? HandlerName { get; set; }

    public KpiCounts ToCounts() => new()
    {
        Received = Received, Withdrawn = Withdrawn, Merged = Merged, Reclassified = Reclassified, Counted = Counted, Open = Open,
        Timely = Timely, Overdue = Overdue, Rated = Rated, Satisfied = Satisfied, FirstTime = FirstTime, RevisitOwed = RevisitOwed,
        Revisited = Revisited, Resolved = Resolved, Reopened = Reopened, HandlingMeasured = HandlingMeasured, HandlingMinutes = HandlingMinutes,
    };
}

/// <summary>A group's 12398 counts as the database returns them.</summary>
public sealed class RegulatorCountsRow<TKey>
{
    public TKey Key { get; set; } = default!;
    public int Received { get; set; }
    public int Handled { get; set; }
    public int HandledInTime { get; set; }
    public int RepliedInWriting { get; set; }
    public int Rated { get; set; }
    public int Satisfied { get; set; }
}
