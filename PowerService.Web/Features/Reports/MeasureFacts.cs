using System.Linq.Expressions;
using PowerService.Domain.Complaints;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;

namespace PowerService.Web.Features.Reports;

/// <summary>
/// The facts of <see cref="KpiFact"/> as conditions the database evaluates on the measures table. The
/// report's counts (<see cref="Tally"/>) and the drill-down list (the queue's fact filter, <see cref="Of"/>)
/// are built from these same definitions, so a number and the list behind it cannot disagree; the
/// domain's <see cref="KpiCounts.One"/> is the from-scratch definition both are tested against.
/// </summary>
/// <remarks>
/// A fact is defined in parts: it holds for a measure whose stage is one of a part's stages and that
/// meets the part's condition (none: every such measure). A report counts in groups of one stage, so
/// the stage is tested once per group instead of once per fact and row (most of a scorecard's time
/// at a million complaints), and each condition left is counted once per group.
/// </remarks>
public static class MeasureFacts
{
    private static readonly Stage[] Every = Enum.GetValues<Stage>();
    private static readonly Stage[] CountedStages = [.. Every.Where(s => !s.IsSideEnd())];
    private static readonly Stage[] OpenStages = [.. StageExtensions.LoopStages];
    private static readonly Stage[] EndedAside = [Stage.Withdrawn, Stage.Reclassified];
    private static readonly Stage[] NotMerged = [.. Every.Where(s => s != Stage.Merged)];

    /// <summary>One part of a fact: measures in one of these stages that meet the condition (null: all of them).</summary>
    public sealed record Part(IReadOnlyList<Stage> Stages, Expression<Func<ComplaintMeasure, bool>>? Condition);

    public static IReadOnlyList<Part> PartsOf(KpiFact fact, DateTimeOffset now)
    {
        var at = now; // a captured variable: EF Core sends it as a parameter
        return fact switch
        {
            KpiFact.Received => [new(Every, null)],
            KpiFact.Counted => [new(CountedStages, null)],
            KpiFact.Withdrawn => [new([Stage.Withdrawn], null)],
            KpiFact.Merged => [new([Stage.Merged], null)],
            KpiFact.Reclassified => [new([Stage.Reclassified], null)],
            KpiFact.Open => [new(OpenStages, null)],
            KpiFact.Timely => [new(CountedStages, m => !m.TimelinessOpen && m.OverdueAt == null)],
            KpiFact.Overdue => [new(CountedStages, m => m.OverdueAt <= at)],
            KpiFact.Judged => [new(CountedStages, m => (!m.TimelinessOpen && m.OverdueAt == null) || m.OverdueAt <= at)],
            KpiFact.Rated => [new(CountedStages, m => m.FirstSatisfaction != null)],
            KpiFact.Satisfied => [new(CountedStages, m => m.FirstSatisfaction == Satisfaction.Satisfied || m.FirstSatisfaction == Satisfaction.FairlySatisfied)],
            KpiFact.NotSatisfied => [new(CountedStages, m => m.FirstSatisfaction == Satisfaction.Dissatisfied)],
            KpiFact.FirstTime => [new(CountedStages, m => m.FirstSatisfaction != null && m.ReopenCount == 0)],
            KpiFact.NotFirstTime => [new(CountedStages, m => m.FirstSatisfaction != null && m.ReopenCount > 0)],
            KpiFact.RevisitOwed => [new(CountedStages, m => m.ResolvedAt != null && (m.RevisitedAt != null || m.RevisitOwedAt <= at))],
            KpiFact.Revisited => [new(CountedStages, m => m.ResolvedAt != null && m.RevisitedAt != null)],
            KpiFact.NotRevisited => [new(CountedStages, m => m.ResolvedAt != null && m.RevisitedAt == null && m.RevisitOwedAt <= at)],
            KpiFact.Resolved => [new(CountedStages, m => m.ResolvedAt != null)],
            KpiFact.Reopened => [new(CountedStages, m => m.ReopenCount > 0)],
            // Resolved, or ended as withdrawn or not a complaint; never merged.
            KpiFact.Handled => [new(EndedAside, null), new(CountedStages, m => m.ResolvedAt != null)],
            KpiFact.HandledInTime => [new(EndedAside, m => m.HandlingBreachAt == null), new(CountedStages, m => m.ResolvedAt != null && m.HandlingBreachAt == null)],
            KpiFact.RepliedInWriting => [new(NotMerged, m => m.RepliedInWritingAt != null)],
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, null),
        };
    }

    /// <summary>Counted, and the clock of this kind breached (ended late, or past due while running) by <paramref name="now"/>.</summary>
    public static IReadOnlyList<Part> BreachedParts(ClockKind kind, DateTimeOffset now)
    {
        var at = now;
        Expression<Func<ComplaintMeasure, bool>> breached = kind switch
        {
            ClockKind.FirstResponse => m => m.FirstResponseBreachAt <= at,
            ClockKind.CustomerContact => m => m.ContactBreachAt <= at,
            ClockKind.Handling => m => m.HandlingBreachAt <= at,
            ClockKind.FirstRevisit => m => m.FirstRevisitBreachAt <= at,
            ClockKind.SecondRevisit => m => m.SecondRevisitBreachAt <= at,
            _ => m => m.ImprovementBreachAt <= at,
        };
        return [new(CountedStages, breached)];
    }

    /// <summary>Counted and with a handling time: the average handling time's cases.</summary>
    private static Part HandlingMeasured { get; } = new(CountedStages, m => m.HandlingMinutes != null);

    /// <summary>The fact as one condition on a measure: any of its parts (stage among the part's, and its condition).</summary>
    public static Expression<Func<ComplaintMeasure, bool>> Of(KpiFact fact, DateTimeOffset now) => Of(PartsOf(fact, now));

    /// <summary>Parts as one condition on a measure: any of them.</summary>
    public static Expression<Func<ComplaintMeasure, bool>> Of(IReadOnlyList<Part> parts)
    {
        var m = Expression.Parameter(typeof(ComplaintMeasure), "m");
        var stage = Expression.Property(m, nameof(ComplaintMeasure.Stage));
        Expression? any = null;
        foreach (var part in parts)
        {
            // Stage IN (…) or, when shorter, NOT IN (the others); nothing when every stage is in.
            var others = Every.Except(part.Stages).ToList();
            Expression? inStages = others.Count == 0 ? null
                : part.Stages.Count <= others.Count
                    ? part.Stages.Select(s => (Expression)Expression.Equal(stage, Expression.Constant(s))).Aggregate(Expression.OrElse)
                    : others.Select(s => (Expression)Expression.NotEqual(stage, Expression.Constant(s))).Aggregate(Expression.AndAlso);
            var condition = part.Condition is null ? null : new Rebind(part.Condition.Parameters[0], m).Visit(part.Condition.Body);
            var both = (inStages, condition) switch
            {
                (null, null) => Expression.Constant(true),
                (null, { } c) => c,
                ({ } s, null) => s,
                ({ } s, { } c) => Expression.AndAlso(s, c),
            };
            any = any is null ? both : Expression.OrElse(any, both);
        }
        return Expression.Lambda<Func<ComplaintMeasure, bool>>(any!, m);
    }

    /// <summary>The facts <see cref="KpiCounts"/> holds.</summary>
    public static IReadOnlyList<KpiFact> KpiFacts { get; } =
    [
        KpiFact.Received, KpiFact.Withdrawn, KpiFact.Merged, KpiFact.Reclassified, KpiFact.Counted, KpiFact.Open, KpiFact.Timely, KpiFact.Overdue,
        KpiFact.Rated, KpiFact.Satisfied, KpiFact.FirstTime, KpiFact.RevisitOwed, KpiFact.Revisited, KpiFact.Resolved, KpiFact.Reopened,
    ];

    /// <summary>The facts of the 12398 statistics.</summary>
    public static IReadOnlyList<KpiFact> RegulatorFacts { get; } =
        [KpiFact.Received, KpiFact.Handled, KpiFact.HandledInTime, KpiFact.RepliedInWriting, KpiFact.Rated, KpiFact.Satisfied];

    /// <summary>
    /// Counts facts per group and stage, in one pass: <see cref="Apply{TKey}"/> gives the database's
    /// rows, <see cref="Count"/> and <see cref="ToCounts"/> read facts from them.
    /// </summary>
    public sealed class Tally
    {
        private readonly Dictionary<KpiFact, (HashSet<Stage> Stages, int? Column)[]> _facts = [];
        private readonly Dictionary<ClockKind, (HashSet<Stage> Stages, int? Column)[]> _breaches = [];
        private readonly (HashSet<Stage> Stages, int? Column) _handlingMeasured;
        private readonly List<Expression<Func<ComplaintMeasure, bool>>> _conditions = [];

        /// <param name="breaches">Clocks whose breaches to count too (<see cref="BreachedParts"/>).</param>
        public Tally(IEnumerable<KpiFact> facts, DateTimeOffset now, IEnumerable<ClockKind>? breaches = null)
        {
            var columns = new Dictionary<string, int>();
            (HashSet<Stage>, int?) Place(Part part)
            {
                int? column = null;
                if (part.Condition is { } condition)
                {
                    // The same condition (Resolved's and Handled's) is counted once.
                    var text = condition.ToString();
                    if (!columns.TryGetValue(text, out var c))
                    {
                        columns[text] = c = _conditions.Count;
                        _conditions.Add(condition);
                    }
                    column = c;
                }
                return ([.. part.Stages], column);
            }
            foreach (var fact in facts.Distinct()) _facts[fact] = [.. PartsOf(fact, now).Select(Place)];
            _handlingMeasured = Place(HandlingMeasured);
            foreach (var kind in (breaches ?? []).Distinct()) _breaches[kind] = [.. BreachedParts(kind, now).Select(Place)];
            if (_conditions.Count > StageCountsRow<int>.Columns)
                throw new InvalidOperationException($"{_conditions.Count} conditions to count; a row holds {StageCountsRow<int>.Columns}.");
        }

        /// <summary>
        /// The measures grouped by, in this order, the month of receipt (with <paramref name="byMonth"/>),
        /// <paramref name="key"/>, the stage and the category (with <paramref name="byCategory"/>). Month,
        /// department, handler, stage, category is the order of the reports' covering index: grouped so, the
        /// database reads the groups one after another from the index instead of sorting the period's rows
        /// (PostgreSQL groups in the GROUP BY's order, so the order of the terms matters there).
        /// </summary>
        public IQueryable<StageCountsRow<TKey>> Apply<TKey>(IQueryable<ComplaintMeasure> measures, Expression<Func<ComplaintMeasure, TKey>> key,
            bool byMonth = false, bool byCategory = false)
        {
            var m = key.Parameters[0];
            var groupKey = typeof(GroupKey<TKey>);
            var keyBindings = new List<MemberBinding>();
            if (byMonth) keyBindings.Add(Expression.Bind(groupKey.GetProperty(nameof(GroupKey<TKey>.Month))!, Expression.Property(m, nameof(ComplaintMeasure.ReceivedMonth))));
            keyBindings.Add(Expression.Bind(groupKey.GetProperty(nameof(GroupKey<TKey>.Key))!, key.Body));
            keyBindings.Add(Expression.Bind(groupKey.GetProperty(nameof(GroupKey<TKey>.Stage))!, Expression.Property(m, nameof(ComplaintMeasure.Stage))));
            if (byCategory) keyBindings.Add(Expression.Bind(groupKey.GetProperty(nameof(GroupKey<TKey>.Category))!, Expression.Property(m, nameof(ComplaintMeasure.Category))));
            var keySelector = Expression.Lambda<Func<ComplaintMeasure, GroupKey<TKey>>>(Expression.MemberInit(Expression.New(groupKey), keyBindings), m);

            var g = Expression.Parameter(typeof(IGrouping<GroupKey<TKey>, ComplaintMeasure>), "g");
            var row = typeof(StageCountsRow<TKey>);
            var gKey = Expression.Property(g, "Key");
            // The key's parts, those grouped by only (an unset month or category would be grouped by too).
            var bindings = keyBindings.Select(k => (MemberBinding)Expression.Bind(row.GetProperty(k.Member.Name)!, Expression.Property(gKey, k.Member.Name))).ToList();
            bindings.Add(Expression.Bind(row.GetProperty(nameof(StageCountsRow<TKey>.Received))!,
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(ComplaintMeasure)], g)));
            for (var i = 0; i < _conditions.Count; i++)
                bindings.Add(Expression.Bind(row.GetProperty($"C{i}")!,
                    Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(ComplaintMeasure)], g, _conditions[i])));
            Expression<Func<ComplaintMeasure, long?>> minutes = x => (long?)x.HandlingMinutes;
            bindings.Add(Expression.Bind(row.GetProperty(nameof(StageCountsRow<TKey>.HandlingMinutes))!,
                Expression.Coalesce(Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(ComplaintMeasure)], g, minutes), Expression.Constant(0L))));
            Expression<Func<ComplaintMeasure, string>> name = x => x.HandlerName;
            bindings.Add(Expression.Bind(row.GetProperty(nameof(StageCountsRow<TKey>.HandlerName))!,
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Max), [typeof(ComplaintMeasure), typeof(string)], g, name)));
            var selector = Expression.Lambda<Func<IGrouping<GroupKey<TKey>, ComplaintMeasure>, StageCountsRow<TKey>>>(
                Expression.MemberInit(Expression.New(row), bindings), g);
            return measures.GroupBy(keySelector).Select(selector);
        }

        /// <summary>How many of a group's measures (of one stage) have the fact.</summary>
        public long Count<TKey>(KpiFact fact, StageCountsRow<TKey> row)
        {
            long count = 0;
            foreach (var part in _facts[fact]) count += Read(part, row);
            return count;
        }

        /// <summary>How many of a group's measures (of one stage) breached the clock.</summary>
        public long Breached<TKey>(ClockKind kind, StageCountsRow<TKey> row)
        {
            long count = 0;
            foreach (var part in _breaches[kind]) count += Read(part, row);
            return count;
        }

        private static long Read<TKey>((HashSet<Stage> Stages, int? Column) part, StageCountsRow<TKey> row) =>
            !part.Stages.Contains(row.Stage) ? 0 : part.Column is { } c ? row.Column(c) : row.Received;

        /// <summary>A group's <see cref="KpiCounts"/> (the tally must count <see cref="KpiFacts"/>).</summary>
        public KpiCounts ToCounts<TKey>(StageCountsRow<TKey> row) => new()
        {
            Received = Count(KpiFact.Received, row), Withdrawn = Count(KpiFact.Withdrawn, row), Merged = Count(KpiFact.Merged, row),
            Reclassified = Count(KpiFact.Reclassified, row), Counted = Count(KpiFact.Counted, row), Open = Count(KpiFact.Open, row),
            Timely = Count(KpiFact.Timely, row), Overdue = Count(KpiFact.Overdue, row), Rated = Count(KpiFact.Rated, row),
            Satisfied = Count(KpiFact.Satisfied, row), FirstTime = Count(KpiFact.FirstTime, row), RevisitOwed = Count(KpiFact.RevisitOwed, row),
            Revisited = Count(KpiFact.Revisited, row), Resolved = Count(KpiFact.Resolved, row), Reopened = Count(KpiFact.Reopened, row),
            HandlingMeasured = Read(_handlingMeasured, row),
            HandlingMinutes = _handlingMeasured.Stages.Contains(row.Stage) ? row.HandlingMinutes : 0,
        };
    }

    /// <summary>Puts a condition written for one parameter onto another.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>What a tally groups by: the month of receipt (0 when not by month), the report's key, the stage and the category (when asked).</summary>
public sealed class GroupKey<TKey>
{
    public int Month { get; init; }
    public TKey Key { get; init; } = default!;
    public Stage Stage { get; init; }
    public Category Category { get; init; }
}

/// <summary>A group's counts of one stage as the database returns them: every measure, and those meeting each condition of the tally.</summary>
public sealed class StageCountsRow<TKey>
{
    public const int Columns = 20;

    public TKey Key { get; set; } = default!;
    public int Month { get; set; }
    public Stage Stage { get; set; }
    public Category Category { get; set; }
    public int Received { get; set; }
    public int C0 { get; set; }
    public int C1 { get; set; }
    public int C2 { get; set; }
    public int C3 { get; set; }
    public int C4 { get; set; }
    public int C5 { get; set; }
    public int C6 { get; set; }
    public int C7 { get; set; }
    public int C8 { get; set; }
    public int C9 { get; set; }
    public int C10 { get; set; }
    public int C11 { get; set; }
    public int C12 { get; set; }
    public int C13 { get; set; }
    public int C14 { get; set; }
    public int C15 { get; set; }
    public int C16 { get; set; }
    public int C17 { get; set; }
    public int C18 { get; set; }
    public int C19 { get; set; }
    public long HandlingMinutes { get; set; }
    public string? HandlerName { get; set; }

    public int Column(int i) => i switch
    {
        0 => C0, 1 => C1, 2 => C2, 3 => C3, 4 => C4, 5 => C5, 6 => C6, 7 => C7,
        8 => C8, 9 => C9, 10 => C10, 11 => C11, 12 => C12, 13 => C13, 14 => C14, 15 => C15,
        16 => C16, 17 => C17, 18 => C18, 19 => C19,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };
}

