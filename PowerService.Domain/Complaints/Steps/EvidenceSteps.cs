using PowerService.Domain.Evidence;
using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>
/// 上传证据: a file that passed <see cref="EvidenceCheck.Inspect"/> (which is how one is made): its cleaned
/// name, the format its bytes are, its size and SHA-256. The bytes themselves are stored beside the
/// complaint, never in it.
/// </summary>
public sealed record EvidenceUpload(string? FileName, EvidenceFormat Format, long Size, string? Sha256) : IStepData<EvidenceUpload>
{
    public static IReadOnlyList<FieldRule<EvidenceUpload>> Rules { get; } =
    [
        new(nameof(FileName), u => TextRules.Present(u.FileName) && u.FileName!.Length <= EvidenceLimits.FileName, "请提供文件名"),
        new(nameof(Size), u => u.Size > 0 && u.Size <= EvidenceLimits.For(u.Format.Kind), "文件大小超出该类证据的上限"),
        new(nameof(Sha256), u => u.Sha256 is { Length: 64 } h && h.All(char.IsAsciiHexDigitLower), "缺少文件的 SHA-256 校验值"),
    ];
}

/// <summary>移除证据: which attachment (its number on the complaint) and why. The original is kept.</summary>
public sealed record EvidenceRemoval(int? Sequence, string? Reason) : IStepData<EvidenceRemoval>
{
    public static IReadOnlyList<FieldRule<EvidenceRemoval>> Rules { get; } =
    [
        new(nameof(Sequence), r => r.Sequence is > 0, "请选择要移除的证据"),
        new(nameof(Reason), r => TextRules.AtLeast(r.Reason, 4), "请填写移除原因（至少 4 个字）"),
        .. CommonRules.OptionalText<EvidenceRemoval>(nameof(Reason), "移除原因", r => r.Reason, Limits.Note),
    ];
}
