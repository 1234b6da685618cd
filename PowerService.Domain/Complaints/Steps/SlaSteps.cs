using PowerService.Domain.Sla;
using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>升级: the complaint goes up to a higher level, for a recorded reason.</summary>
public sealed record EscalationRequest(EscalationLevel? To, EscalationCause Cause, string? Reason) : IStepData<EscalationRequest>
{
    public static IReadOnlyList<FieldRule<EscalationRequest>> Rules { get; } =
    [
        new(nameof(To), e => e.To is not null, "请选择升级到的层级"),
        .. CommonRules.RequiredText<EscalationRequest>(nameof(Reason), "升级原因", e => e.Reason, Limits.Note),
    ];
}

/// <summary>延长时限: a manager moves a running deadline later for a complex case (12398 allows it).</summary>
public sealed record DeadlineExtension(ClockKind? Clock, DateTimeOffset? NewDue, string? Reason) : IStepData<DeadlineExtension>
{
    public static IReadOnlyList<FieldRule<DeadlineExtension>> Rules { get; } =
    [
        new(nameof(Clock), e => e.Clock is not null, "请选择要延长的时限"),
        new(nameof(NewDue), e => e.NewDue is not null, "请填写延长后的时限"),
        new(nameof(Reason), e => TextRules.AtLeast(e.Reason, 5), "请写明延期原因（至少 5 字）"),
        .. CommonRules.OptionalText<DeadlineExtension>(nameof(Reason), "延期原因", e => e.Reason, Limits.Note),
    ];
}

/// <summary>签发文书: a manager freezes a document; its exact bytes are identified by their SHA-256.</summary>
public sealed record DocumentIssueRequest(PowerService.Domain.Documents.DocumentKind Kind, string? Sha256) : IStepData<DocumentIssueRequest>
{
    public static IReadOnlyList<FieldRule<DocumentIssueRequest>> Rules { get; } =
    [
        new(nameof(Sha256), d => d.Sha256 is { Length: 64 } h && h.All(Uri.IsHexDigit), "文书摘要（SHA-256）无效"),
    ];
}
