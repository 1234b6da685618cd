using PowerService.Domain.Reports;

namespace PowerService.Web.Data;

/// <summary>
/// One version of the KPI scoring policy as stored. Versions are never edited or deleted: an edit is
/// a new version effective from a date not in the past, so a past period keeps the rules it had.
/// </summary>
public sealed class KpiPolicyRecord
{
    public int Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
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
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Reason { get; set; } = "";

    public KpiPolicy ToPolicy() => new(Version, EffectiveFrom, TimelinessWeight, SatisfactionWeight, FirstTimeWeight, RevisitWeight,
        OverduePenalty, SatisfactionFailBelow, SatisfactionRewardFrom, FirstTimeTarget, FirstTimeStep, FirstTimeStepPenalty, RevisitRequired);

    public static KpiPolicyRecord From(KpiPolicy p, DateTimeOffset at, string by, string reason) => new()
    {
        Version = p.Version, EffectiveFrom = p.EffectiveFrom,
        TimelinessWeight = p.TimelinessWeight, SatisfactionWeight = p.SatisfactionWeight, FirstTimeWeight = p.FirstTimeWeight, RevisitWeight = p.RevisitWeight,
        OverduePenalty = p.OverduePenalty, SatisfactionFailBelow = p.SatisfactionFailBelow, SatisfactionRewardFrom = p.SatisfactionRewardFrom,
        FirstTimeTarget = p.FirstTimeTarget, FirstTimeStep = p.FirstTimeStep, FirstTimeStepPenalty = p.FirstTimeStepPenalty, RevisitRequired = p.RevisitRequired,
        CreatedAt = at, CreatedBy = by, Reason = reason,
    };
}
