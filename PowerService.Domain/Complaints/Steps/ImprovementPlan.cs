using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>One corrective action of the 问题清单: what, who owns it, by when.</summary>
public sealed record CorrectiveAction(string? Action, string? Owner, DateOnly? DueDate);

/// <summary>总结改进 output: the root cause (5 whys) and corrective actions with owner and due date.</summary>
public sealed record ImprovementPlan(string? RootCause, IReadOnlyList<CorrectiveAction> Actions) : IStepData<ImprovementPlan>
{
    public static IReadOnlyList<FieldRule<ImprovementPlan>> Rules { get; } =
    [
        .. CommonRules.RequiredText<ImprovementPlan>(nameof(RootCause), "根本原因分析", p => p.RootCause),
        new(nameof(Actions), p => p.Actions.Count > 0, "请至少填写一项整改措施"),
        new(nameof(Actions), p => p.Actions.Count <= 20, "整改措施最多 20 项"),
        new(nameof(Actions), p => p.Actions.All(a => TextRules.Present(a.Action)), "每项整改措施须写明内容"),
        new(nameof(Actions), p => p.Actions.All(a => TextRules.Present(a.Owner)), "每项整改措施须指定责任人"),
        new(nameof(Actions), p => p.Actions.All(a => a.DueDate is not null), "每项整改措施须有整改期限"),
        new(nameof(Actions), p => p.Actions.All(a => TextRules.WithinLength(a.Action, Limits.Note) && TextRules.WithinLength(a.Owner, Limits.ShortText)),
            $"整改措施不能超过 {Limits.Note} 字，责任人不能超过 {Limits.ShortText} 字"),
        new(nameof(Actions), p => p.Actions.All(a => TextRules.IsPlainText(a.Action) && TextRules.IsPlainText(a.Owner)),
            "整改措施只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"),
    ];
}

/// <summary>A manager's recorded reason that no corrective action is needed.</summary>
public sealed record ImprovementWaiver(string? Reason) : IStepData<ImprovementWaiver>
{
    public static IReadOnlyList<FieldRule<ImprovementWaiver>> Rules { get; } =
    [
        new(nameof(Reason), w => TextRules.AtLeast(w.Reason, 10), "请写明无需整改的理由（至少 10 字）"),
        .. CommonRules.OptionalText<ImprovementWaiver>(nameof(Reason), "理由", w => w.Reason, Limits.Note),
    ];
}
