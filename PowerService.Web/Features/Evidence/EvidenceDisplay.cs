using MudBlazor;
using PowerService.Domain.Evidence;
using PowerService.Domain.Staff;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Evidence;

/// <summary>How the evidence panel shows an attachment: its icon, its addresses, and what this person may do with it.</summary>
public static class EvidenceDisplay
{
    public static string IconOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Image => Icons.Material.Filled.Image,
        EvidenceKind.Audio => Icons.Material.Filled.Mic,
        EvidenceKind.Pdf => Icons.Material.Filled.PictureAsPdf,
        _ => Icons.Material.Filled.Description,
    };

    public static Color ColorOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Image => Color.Info,
        EvidenceKind.Audio => Color.Secondary,
        EvidenceKind.Pdf => Color.Error,
        _ => Color.Primary,
    };

    public static string DownloadUrl(string number, EvidenceItem item) => $"/complaints/{number}/evidence/{item.Sequence}";

    public static string PreviewUrl(string number, EvidenceItem item) => $"{DownloadUrl(number, item)}?inline=true";

    /// <summary>Removed attachments are listed (struck through, with who and why) for managers only; the others see what is current.</summary>
    public static IReadOnlyList<EvidenceItem> Listed(IEnumerable<EvidenceItem> evidence, StaffUser staff) =>
        evidence.Where(e => !e.IsRemoved || staff.Is(StaffRole.Manager)).OrderBy(e => e.Sequence).ToList();

    /// <summary>The file picker's filter: every accepted extension (the server still judges each file by its bytes).</summary>
    public static string Accept { get; } = string.Join(",", EvidenceFormat.AllExtensions);
}
