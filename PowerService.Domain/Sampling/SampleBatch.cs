using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;

namespace PowerService.Domain.Sampling;

/// <summary>
/// One level's sample of one period for one unit (a department, or "" for the company at the third-party
/// level): the complaints drawn and how many there were to draw from. At most one per level, period and
/// unit (the database's unique key), so drawing is done once however often it is asked for.
/// </summary>
public sealed class SampleBatch
{
    private List<SampledRevisit> _items = [];

    private SampleBatch() { } // for EF Core

    public long Id { get; private set; }
    public SamplingLevel Level { get; private set; }

    /// <summary><see cref="SamplingPeriod.Slug"/>: 2026-W47, 2026-11, 2026-Q4.</summary>
    public string Period { get; private set; } = "";
    public DateOnly PeriodFirst { get; private set; }
    public DateOnly PeriodLast { get; private set; }

    /// <summary>The department sampled; "" for the whole company.</summary>
    public string Department { get; private set; } = "";

    /// <summary>How many complaints were closed in the period and unit: what the sample was drawn from.</summary>
    public int Population { get; private set; }

    /// <summary>How many of the drawn are key cases (always taken by the monthly sample).</summary>
    public int KeyCases { get; private set; }
    public DateTimeOffset DrawnAt { get; private set; }
    public Actor DrawnBy { get; private set; } = null!;

    public IReadOnlyList<SampledRevisit> Items => _items;

    public SamplingPeriod SamplingPeriod => new(Level, PeriodFirst, PeriodLast);

    /// <summary>
    /// Draws the period's sample from the complaints closed in it (<paramref name="population"/>, all of the
    /// unit). Refused before the period has ended, and to someone who may not draw for this unit.
    /// </summary>
    public static StepResult<SampleBatch> Draw(SamplingPeriod period, string department, IReadOnlyCollection<SamplingCandidate> population,
        Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset now)
    {
        if (SamplingPermissions.DrawRefusal(period.Level, department, roles, workplace) is { } refusal) return new(null, StepResult.Refused(refusal));
        if (!period.HasEnded(now)) return new(null, StepResult.Refused($"{period.Label}尚未结束，结束后才能抽取样本"));
        if (period.Level == SamplingLevel.ThirdPartyQuarterly && department.Length > 0) return new(null, StepResult.Refused("第三方调查按全公司抽样"));
        if (population.Any(c => department.Length > 0 && c.Department != department))
            throw new ArgumentException("The population holds complaints of another department.", nameof(population));
        var drawn = SampleDraw.Draw(period, department, population);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var batch = new SampleBatch
        {
            Level = period.Level, Period = period.Slug, PeriodFirst = period.First, PeriodLast = period.Last, Department = department,
            Population = population.DistinctBy(c => c.ComplaintId).Count(), KeyCases = drawn.Count(d => d.Key != KeyReason.None), DrawnAt = at, DrawnBy = by,
        };
        batch._items = [.. drawn.Select(d => SampledRevisit.For(batch, d))];
        return new(batch, StepResult.Success);
    }
}
