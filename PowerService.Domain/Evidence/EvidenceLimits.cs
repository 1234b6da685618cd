namespace PowerService.Domain.Evidence;

/// <summary>
/// How large evidence may be, per kind: a phone photo is 2–8 MB, an hour's call recording in MP3 about
/// 30 MB, a scanned letter or a spreadsheet of readings well under 20 MB. Larger files are almost
/// always the wrong file (a video, an archive) and would make the case file's storage grow without use.
/// </summary>
public static class EvidenceLimits
{
    public const long MB = 1024 * 1024;

    public const long Image = 10 * MB;
    public const long Audio = 50 * MB;
    public const long Pdf = 20 * MB;
    public const long Office = 20 * MB;

    /// <summary>The largest file of any kind: what an upload reads at most before it knows the kind.</summary>
    public const long Largest = Audio;

    /// <summary>Files attached (and not removed) per complaint.</summary>
    public const int PerComplaint = 100;

    /// <summary>Characters of a stored file name (extension included).</summary>
    public const int FileName = 100;

    public static long For(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Image => Image,
        EvidenceKind.Audio => Audio,
        EvidenceKind.Pdf => Pdf,
        _ => Office,
    };

    /// <summary>A size as people read it: 812 B, 34.5 KB, 2.4 MB.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < MB => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (double)MB:0.#} MB",
    };
}
