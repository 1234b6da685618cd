namespace PowerService.Domain.Evidence;

/// <summary>What a piece of evidence is, as far as handling goes: each kind has its own size limit and icon.</summary>
public enum EvidenceKind
{
    /// <summary>Photos: the site, the meter, a notice on the door.</summary>
    Image,

    /// <summary>Call and on-site recordings.</summary>
    Audio,

    /// <summary>Scanned letters, bills, certificates.</summary>
    Pdf,

    /// <summary>Word, Excel and PowerPoint files (readings, lists, minutes).</summary>
    Office,
}

/// <summary>
/// One file format the evidence chain accepts, as recognised from the file's own bytes: its kind, the
/// content type it is served with, and the extensions a file of this format may carry (the first is
/// the one a name without an extension is given).
/// </summary>
public sealed record EvidenceFormat(string Id, EvidenceKind Kind, string Label, string ContentType, IReadOnlyList<string> Extensions)
{
    public string Extension => Extensions[0];

    public static readonly EvidenceFormat Jpeg = new("jpeg", EvidenceKind.Image, "JPEG 图片", "image/jpeg", [".jpg", ".jpeg", ".jpe"]);
    public static readonly EvidenceFormat Png = new("png", EvidenceKind.Image, "PNG 图片", "image/png", [".png"]);
    public static readonly EvidenceFormat Gif = new("gif", EvidenceKind.Image, "GIF 图片", "image/gif", [".gif"]);
    public static readonly EvidenceFormat WebP = new("webp", EvidenceKind.Image, "WebP 图片", "image/webp", [".webp"]);
    public static readonly EvidenceFormat Pdf = new("pdf", EvidenceKind.Pdf, "PDF 文件", "application/pdf", [".pdf"]);
    public static readonly EvidenceFormat Mp3 = new("mp3", EvidenceKind.Audio, "MP3 录音", "audio/mpeg", [".mp3"]);
    public static readonly EvidenceFormat M4a = new("m4a", EvidenceKind.Audio, "M4A 录音", "audio/mp4", [".m4a"]);
    public static readonly EvidenceFormat Wav = new("wav", EvidenceKind.Audio, "WAV 录音", "audio/wav", [".wav"]);
    public static readonly EvidenceFormat Amr = new("amr", EvidenceKind.Audio, "AMR 录音", "audio/amr", [".amr"]);
    public static readonly EvidenceFormat Docx = new("docx", EvidenceKind.Office, "Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly EvidenceFormat Xlsx = new("xlsx", EvidenceKind.Office, "Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly EvidenceFormat Pptx = new("pptx", EvidenceKind.Office, "PowerPoint 演示文稿", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly EvidenceFormat Doc = new("doc", EvidenceKind.Office, "Word 97-2003 文档", "application/msword", [".doc"]);
    public static readonly EvidenceFormat Xls = new("xls", EvidenceKind.Office, "Excel 97-2003 表格", "application/vnd.ms-excel", [".xls"]);

    public static IReadOnlyList<EvidenceFormat> All { get; } = [Jpeg, Png, Gif, WebP, Pdf, Mp3, M4a, Wav, Amr, Docx, Xlsx, Pptx, Doc, Xls];

    /// <summary>Every extension accepted, for the file picker's filter.</summary>
    public static IReadOnlyList<string> AllExtensions { get; } = All.SelectMany(f => f.Extensions).ToList();

    public static EvidenceFormat? ById(string id) => All.FirstOrDefault(f => f.Id == id);

    public static EvidenceFormat? ByContentType(string contentType) => All.FirstOrDefault(f => f.ContentType == contentType);

    /// <summary>Images are shown in the page itself (thumbnails and preview); every other kind is downloaded.</summary>
    public bool IsPreviewable => Kind == EvidenceKind.Image;
}
