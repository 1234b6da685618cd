using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>Compensation decided for the customer; <see cref="CompensationKind.None"/> is a decision too.</summary>
public sealed record Compensation(CompensationKind Kind, string? Detail, decimal? Amount);

/// <summary>解决处理 output: the agreed solution, the time committed to, how the customer was told, compensation.</summary>
public sealed record ResolutionPlan(
    string? Solution,
    DateTimeOffset? CommittedBy,
    string? CustomerCommunication,
    Compensation? Compensation) : IStepData<ResolutionPlan>
{
    public static IReadOnlyList<FieldRule<ResolutionPlan>> Rules { get; } =
    [
        .. CommonRules.RequiredText<ResolutionPlan>(nameof(Solution), "与客户商定的解决方案", r => r.Solution),
        new(nameof(CommittedBy), r => r.CommittedBy is not null, "请填写承诺完成时间"),
        .. CommonRules.RequiredText<ResolutionPlan>(nameof(CustomerCommunication), "与客户的沟通情况", r => r.CustomerCommunication),
        new(nameof(Compensation), r => r.Compensation is not null, "请确定补偿方式（无需补偿也须选择）"),
        new(nameof(Compensation), r => r.Compensation is null || r.Compensation.Kind == CompensationKind.None
            || TextRules.Present(r.Compensation.Detail), "请说明补偿内容"),
        new(nameof(Compensation), r => r.Compensation?.Amount is null or (>= 0 and <= 1_000_000m), "补偿金额须在 0 至 1,000,000 元之间"),
        .. CommonRules.OptionalText<ResolutionPlan>(nameof(Compensation), "补偿说明", r => r.Compensation?.Detail, Limits.Note),
    ];
}
