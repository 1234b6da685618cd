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

/// <summary>
/// 签发文书: a manager freezes a document; its exact bytes are identified by their SHA-256, its content
/// (the text without the version and issue time, <see cref="PowerService.Domain.Documents.ComplaintDocuments.ContentSha256"/>)
/// by <paramref name="ContentSha256"/>. A reissue (version 2 on) says why; the reason is printed in the document.
/// </summary>
/// <param name="Forbidden">The blocking service phrases the document's text holds (found by the caller with the dictionary in force).</param>
/// <param name="WordingOverride">A manager's reason to issue a customer letter or 12398 reply that holds them.</param>
public sealed record DocumentIssueRequest(PowerService.Domain.Documents.DocumentKind Kind, string? Sha256, string? ContentSha256, string? Reason = null,
    IReadOnlyList<string>? Forbidden = null, string? WordingOverride = null) : IStepData<DocumentIssueRequest>
{
    public static IReadOnlyList<FieldRule<DocumentIssueRequest>> Rules { get; } =
    [
        new(nameof(Sha256), d => IsSha256(d.Sha256), "文书摘要（SHA-256）无效"),
        new(nameof(ContentSha256), d => IsSha256(d.ContentSha256), "文书内容摘要（SHA-256）无效"),
        .. CommonRules.OptionalText<DocumentIssueRequest>(nameof(Reason), "重新签发原因", d => d.Reason, Limits.ShortText),
        .. CommonRules.OptionalText<DocumentIssueRequest>(nameof(WordingOverride), "签发理由", d => d.WordingOverride, Limits.ShortText),
    ];

    /// <summary>The documents a customer or the regulator reads, which must not carry a forbidden service phrase without a manager's reason.</summary>
    public bool IsLetter => Kind is PowerService.Domain.Documents.DocumentKind.CustomerAnswer or PowerService.Domain.Documents.DocumentKind.Reply12398;

    private static bool IsSha256(string? hash) => hash is { Length: 64 } h && h.All(Uri.IsHexDigit);
}
