using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;

namespace PowerService.Domain.Evidence;

/// <summary>
/// A file attached to a complaint as evidence (证据链, docs/domain.md §11): what it is, who attached it
/// and when, its SHA-256; and, once removed, who removed it, when and why. Removal only marks it: the
/// original bytes stay stored and its record stays on the complaint, for disputes and audits.
/// </summary>
public sealed class EvidenceItem
{
    private EvidenceItem() { } // for EF Core

    internal EvidenceItem(int sequence, EvidenceUpload upload, Actor by, DateTimeOffset at)
    {
        Sequence = sequence;
        FileName = upload.FileName!;
        FormatId = upload.Format.Id;
        Kind = upload.Format.Kind;
        ContentType = upload.Format.ContentType;
        Size = upload.Size;
        Sha256 = upload.Sha256!;
        UploadedBy = by;
        UploadedAt = at;
    }

    public long Id { get; private set; }

    /// <summary>Its number on the complaint (证据 #1, #2…), in order of attachment, never reused.</summary>
    public int Sequence { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The <see cref="EvidenceFormat.Id"/> its bytes were recognised as.</summary>
    public string FormatId { get; private set; } = "";

    public EvidenceKind Kind { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes as uploaded; every read is checked against it.</summary>
    public string Sha256 { get; private set; } = "";

    public Actor UploadedBy { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    public string? RemovedById { get; private set; }
    public string? RemovedByName { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public string? RemovalReason { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public EvidenceFormat Format => EvidenceFormat.ById(FormatId) ?? throw new InvalidOperationException($"Unknown evidence format {FormatId}");

    /// <summary>The first 12 characters of the hash, as lists show it (the full one beside it on hover and in the case file).</summary>
    public string ShortSha256 => Sha256[..12];

    internal void Remove(Actor by, DateTimeOffset at, string reason)
    {
        RemovedById = by.UserId;
        RemovedByName = by.DisplayName;
        RemovedAt = at;
        RemovalReason = reason;
    }

    /// <summary>A copy to show with its file name and removal reason passed through <paramref name="text"/>.</summary>
    internal EvidenceItem MaskedCopy(Func<string, string> text)
    {
        var copy = (EvidenceItem)MemberwiseClone();
        copy.FileName = text(FileName);
        copy.RemovalReason = RemovalReason is null ? null : text(RemovalReason);
        return copy;
    }
}
