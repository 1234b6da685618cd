using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>合并: this complaint duplicates another one, which carries on.</summary>
public sealed record MergeRequest(string? IntoNumber, string? Reason) : IStepData<MergeRequest>
{
    public static IReadOnlyList<FieldRule<MergeRequest>> Rules { get; } =
    [
        new(nameof(IntoNumber), m => ComplaintNumber.TryParse(m.IntoNumber, out _), "请填写有效的主投诉编号（如 TS202611230001）"),
        .. CommonRules.RequiredText<MergeRequest>(nameof(Reason), "合并原因", m => m.Reason, Limits.Note),
    ];
}

/// <summary>撤诉: the customer withdraws; the record still says why and how it was confirmed.</summary>
public sealed record Withdrawal(string? Reason, string? HowConfirmed) : IStepData<Withdrawal>
{
    public static IReadOnlyList<FieldRule<Withdrawal>> Rules { get; } =
    [
        .. CommonRules.RequiredText<Withdrawal>(nameof(Reason), "撤诉原因", w => w.Reason, Limits.Note),
        .. CommonRules.RequiredText<Withdrawal>(nameof(HowConfirmed), "客户确认方式", w => w.HowConfirmed, Limits.ShortText),
    ];
}

/// <summary>转为非投诉: on investigation it is an enquiry, suggestion, etc., not a complaint.</summary>
public sealed record Reclassification(ReclassifiedAs? As, string? Reason) : IStepData<Reclassification>
{
    public static IReadOnlyList<FieldRule<Reclassification>> Rules { get; } =
    [
        new(nameof(As), r => r.As is not null, "请选择转为的类型"),
        .. CommonRules.RequiredText<Reclassification>(nameof(Reason), "转换理由", r => r.Reason, Limits.Note),
    ];
}
