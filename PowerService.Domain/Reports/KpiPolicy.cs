using PowerService.Domain.Text;

namespace PowerService.Domain.Reports;

/// <summary>
/// The scoring rules of 投诉处理与绩效挂钩方案 (docs/domain.md §7): weights and thresholds as policy data
/// an admin edits. Every edit is a new version that takes effect from a date not in the past, so the
/// report of a past period is scored by the version it was scored by then, and reproduces exactly.
/// Rates are fractions (0.85 = 85 %).
/// </summary>
public sealed record KpiPolicy(
    int Version,
    DateOnly EffectiveFrom,
    int TimelinessWeight,
    int SatisfactionWeight,
    int FirstTimeWeight,
    int RevisitWeight,
    decimal OverduePenalty,
    decimal SatisfactionFailBelow,
    decimal SatisfactionRewardFrom,
    decimal FirstTimeTarget,
    decimal FirstTimeStep,
    decimal FirstTimeStepPenalty,
    decimal RevisitRequired)
{
    /// <summary>The seeds' scheme: 30 / 40 / 20 / 10; −2 per overdue case; satisfaction &lt; 85 % fails, ≥ 95 % rewarded; first-time target 80 %, −1 per 5 % below; revisits 100 %.</summary>
    public static KpiPolicy Default { get; } = new(1, new DateOnly(2000, 1, 1), 30, 40, 20, 10, 2m, 0.85m, 0.95m, 0.80m, 0.05m, 1m, 1.00m);

    public int TotalWeight => TimelinessWeight + SatisfactionWeight + FirstTimeWeight + RevisitWeight;

    /// <summary>What is wrong with a proposed policy, in Chinese, field by field; empty when it may be saved.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new(field, message)); }
        Need(TimelinessWeight is >= 0 and <= 100, nameof(TimelinessWeight), "权重须在 0–100 之间");
        Need(SatisfactionWeight is >= 0 and <= 100, nameof(SatisfactionWeight), "权重须在 0–100 之间");
        Need(FirstTimeWeight is >= 0 and <= 100, nameof(FirstTimeWeight), "权重须在 0–100 之间");
        Need(RevisitWeight is >= 0 and <= 100, nameof(RevisitWeight), "权重须在 0–100 之间");
        Need(TotalWeight == 100, nameof(TimelinessWeight), $"四项权重之和须为 100（现为 {TotalWeight}）");
        Need(OverduePenalty is >= 0 and <= 100, nameof(OverduePenalty), "每件超时扣分须在 0–100 之间");
        Need(SatisfactionFailBelow is > 0 and <= 1, nameof(SatisfactionFailBelow), "不合格线须在 0%–100% 之间");
        Need(SatisfactionRewardFrom is > 0 and <= 1, nameof(SatisfactionRewardFrom), "奖励线须在 0%–100% 之间");
        Need(SatisfactionRewardFrom >= SatisfactionFailBelow, nameof(SatisfactionRewardFrom), "奖励线不能低于不合格线");
        Need(FirstTimeTarget is > 0 and <= 1, nameof(FirstTimeTarget), "一次解决率目标须在 0%–100% 之间");
        Need(FirstTimeStep is > 0 and <= 1, nameof(FirstTimeStep), "扣分档距须在 0%–100% 之间");
        Need(FirstTimeStepPenalty is >= 0 and <= 100, nameof(FirstTimeStepPenalty), "每档扣分须在 0–100 之间");
        Need(RevisitRequired is > 0 and <= 1, nameof(RevisitRequired), "回访率要求须在 0%–100% 之间");
        return errors;
    }

    /// <summary>The version in force on a day: the latest whose effective date is not after it.</summary>
    public static KpiPolicy InForce(IEnumerable<KpiPolicy> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).MaxBy(v => (v.EffectiveFrom, v.Version)) ?? Default;
}
