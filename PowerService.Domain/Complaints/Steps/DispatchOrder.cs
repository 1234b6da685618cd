using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>受理派单: intake is confirmed and the complaint goes to a handler in a department.</summary>
/// <param name="Rule">How automatic dispatch chose the handler (the rule and why), for the timeline; null when a person chose.</param>
public sealed record DispatchOrder(Actor? Handler, string? Department, string? Rule = null) : IStepData<DispatchOrder>
{
    public static IReadOnlyList<FieldRule<DispatchOrder>> Rules { get; } =
    [
        new(nameof(Handler), d => d.Handler is not null, "请选择处理人"),
        new(nameof(Department), d => TextRules.Present(d.Department), "请选择处理部门"),
    ];
}

/// <summary>转派: the complaint changes hands; the first responder (首问责任人) stays.</summary>
public sealed record Reassignment(Actor? Handler, string? Department, string? Reason) : IStepData<Reassignment>
{
    public static IReadOnlyList<FieldRule<Reassignment>> Rules { get; } =
    [
        new(nameof(Handler), d => d.Handler is not null, "请选择新的处理人"),
        new(nameof(Department), d => TextRules.Present(d.Department), "请选择处理部门"),
        .. CommonRules.RequiredText<Reassignment>(nameof(Reason), "转派原因", d => d.Reason, Limits.Note),
    ];
}

/// <summary>
/// 进度备注: the daily progress update while a complaint is open (公司投诉处理办法: 处理中每日更新进度).
/// <see cref="ContactedCustomer"/> records that the customer was reached, which stops the contact clock.
/// </summary>
public sealed record ProgressNote(string? Text, bool ContactedCustomer = false) : IStepData<ProgressNote>
{
    public static IReadOnlyList<FieldRule<ProgressNote>> Rules { get; } =
        [.. CommonRules.RequiredText<ProgressNote>(nameof(Text), "进度说明", d => d.Text, Limits.Note)];
}

/// <summary>Why a colleague takes a complaint over from its handler.</summary>
public enum TakeOverReason { Absence, Workload, Other }

/// <summary>
/// 接手办理: a colleague of the complaint's department (or a manager) becomes its handler, for a
/// reason the owner will read on the timeline. The first responder (首问责任人) stays.
/// </summary>
public sealed record TakeOver(TakeOverReason? Reason, string? Explanation) : IStepData<TakeOver>
{
    public static IReadOnlyList<FieldRule<TakeOver>> Rules { get; } =
    [
        new(nameof(Reason), d => d.Reason is not null, "请选择接手原因"),
        new(nameof(Explanation), d => d.Reason != TakeOverReason.Other || TextRules.Present(d.Explanation), "原因为“其他”时请写明说明"),
        .. CommonRules.OptionalText<TakeOver>(nameof(Explanation), "接手说明", d => d.Explanation, Limits.Note),
    ];
}
