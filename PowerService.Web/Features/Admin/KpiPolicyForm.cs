using PowerService.Domain.Reports;

namespace PowerService.Web.Features.Admin;

/// <summary>
/// A new KPI policy version as the admin types it: rates in percent (85 for 0.85), the date as the
/// date picker holds it. Properties are named as <see cref="KpiPolicy"/>'s, so each error the
/// policy or the service names appears at its field.
/// </summary>
public sealed class KpiPolicyForm
{
    public int TimelinessWeight { get; set; }
    public int SatisfactionWeight { get; set; }
    public int FirstTimeWeight { get; set; }
    public int RevisitWeight { get; set; }
    public decimal OverduePenalty { get; set; }
    public decimal SatisfactionFailBelow { get; set; }
    public decimal SatisfactionRewardFrom { get; set; }
    public decimal FirstTimeTarget { get; set; }
    public decimal FirstTimeStep { get; set; }
    public decimal FirstTimeStepPenalty { get; set; }
    public decimal RevisitRequired { get; set; }
    public DateTime? EffectiveFrom { get; set; }
    public string? Reason { get; set; }

    public int TotalWeight => TimelinessWeight + SatisfactionWeight + FirstTimeWeight + RevisitWeight;

    /// <summary>The form filled with <paramref name="policy"/>'s values, to take effect on <paramref name="effective"/>.</summary>
    public static KpiPolicyForm From(KpiPolicy policy, DateOnly effective) => new()
    {
        TimelinessWeight = policy.TimelinessWeight, SatisfactionWeight = policy.SatisfactionWeight,
        FirstTimeWeight = policy.FirstTimeWeight, RevisitWeight = policy.RevisitWeight,
        OverduePenalty = Plain(policy.OverduePenalty), FirstTimeStepPenalty = Plain(policy.FirstTimeStepPenalty),
        SatisfactionFailBelow = Percent(policy.SatisfactionFailBelow), SatisfactionRewardFrom = Percent(policy.SatisfactionRewardFrom),
        FirstTimeTarget = Percent(policy.FirstTimeTarget), FirstTimeStep = Percent(policy.FirstTimeStep), RevisitRequired = Percent(policy.RevisitRequired),
        EffectiveFrom = effective.ToDateTime(TimeOnly.MinValue),
    };

    /// <summary>The policy typed (version 0: the service numbers it), or null while no date is chosen.</summary>
    public KpiPolicy? ToPolicy() => EffectiveFrom is not { } date ? null : new(0, DateOnly.FromDateTime(date),
        TimelinessWeight, SatisfactionWeight, FirstTimeWeight, RevisitWeight,
        OverduePenalty, Fraction(SatisfactionFailBelow), Fraction(SatisfactionRewardFrom),
        Fraction(FirstTimeTarget), Fraction(FirstTimeStep), FirstTimeStepPenalty, Fraction(RevisitRequired));

    /// <summary>The first day of the month after <paramref name="today"/>: a new scheme usually starts with a period.</summary>
    public static DateOnly NextMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1);

    private static decimal Percent(decimal fraction) => Plain(fraction * 100);

    private static decimal Fraction(decimal percent) => percent / 100;

    /// <summary>Without trailing zeros (0.8500 × 100 shows as 85, not 85.0000).</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;
}
