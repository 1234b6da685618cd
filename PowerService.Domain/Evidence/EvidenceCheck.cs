using System.Security.Cryptography;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;

namespace PowerService.Domain.Evidence;

/// <summary>
/// Whether a file may become evidence: recognised from its bytes as an accepted format, carrying no
/// extension of another format, within its kind's size limit. Gives the upload (cleaned name, format,
/// size, SHA-256) or the Chinese reason, which names the file.
/// </summary>
public static class EvidenceCheck
{
    public const string Accepted = "照片（JPG、PNG、GIF、WebP）、录音（MP3、M4A、WAV、AMR）、PDF 和 Office 文档（Word、Excel、PowerPoint）";

    public static StepResult<EvidenceUpload> Inspect(string? fileName, ReadOnlySpan<byte> content)
    {
        var name = EvidenceFileName.Clean(fileName);
        if (content.Length == 0) return Refused($"“{name}”是空文件（0 字节），请重新选择");
        if (ContentSniffer.Identify(content) is not { } format)
            return Refused(ContentSniffer.KnownRefused(content) is { } what
                ? $"“{name}”的内容是{what}，不能作为证据上传。只接受{Accepted}"
                : $"无法识别“{name}”的文件类型。只接受{Accepted}；类型按文件内容判断，修改扩展名无效");
        if (Mismatch(name, format) is { } mismatch) return Refused(mismatch);
        var limit = EvidenceLimits.For(format.Kind);
        if (content.Length > limit)
            return Refused($"“{name}”为 {EvidenceLimits.Format(content.Length)}，超过{Labels.Of(format.Kind)}的上限 {EvidenceLimits.Format(limit)}");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return new(new EvidenceUpload(EvidenceFileName.WithExtension(name, format), format, content.Length, sha256), StepResult.Success);
    }

    /// <summary>A size the browser reports, refused before a byte is read when no kind could take it.</summary>
    public static string? TooLargeForAnyKind(string? fileName, long size) => size > EvidenceLimits.Largest
        ? $"“{EvidenceFileName.Clean(fileName)}”为 {EvidenceLimits.Format(size)}，超过证据文件的上限 {EvidenceLimits.Format(EvidenceLimits.Largest)}（照片 {EvidenceLimits.Format(EvidenceLimits.Image)}，录音 {EvidenceLimits.Format(EvidenceLimits.Audio)}，PDF 与 Office 文档 {EvidenceLimits.Format(EvidenceLimits.Office)}）"
        : null;

    private static string? Mismatch(string name, EvidenceFormat format)
    {
        var extension = EvidenceFileName.ExtensionOf(name);
        if (extension.Length == 0 || format.Extensions.Contains(extension)) return null;
        return $"“{name}”的内容是{format.Label}，与扩展名 {extension} 不符。请上传原始文件；若确是{format.Label}，请将扩展名改为 {format.Extension}";
    }

    private static StepResult<EvidenceUpload> Refused(string reason) => new(null, StepResult.Refused([new(nameof(EvidenceUpload.FileName), reason)]));
}
