using PowerService.Domain.Evidence;

namespace PowerService.Web.Data;

/// <summary>
/// An attachment's bytes when the database holds them (<c>Evidence:Store</c> = Database): one row per
/// attachment, written in the same save as the attachment and its timeline entry. Append-only: the
/// database refuses UPDATE and DELETE, so a removed attachment's original stays.
/// </summary>
public sealed class EvidenceContent
{
    public long EvidenceItemId { get; set; }
    public EvidenceItem Item { get; set; } = null!;
    public byte[] Content { get; set; } = [];
}
