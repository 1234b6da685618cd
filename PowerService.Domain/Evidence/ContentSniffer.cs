using System.Buffers.Binary;
using System.Text;

namespace PowerService.Domain.Evidence;

/// <summary>
/// What a file is, judged from its bytes alone (magic numbers and container structure), never from its
/// name or the type the browser claims: a renamed program stays a program. Pure: it reads the bytes it is given.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ElfMagic = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly byte[] SevenZipMagic = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];
    private static readonly byte[] GzipMagic = [0x1F, 0x8B];

    /// <summary>The accepted format these bytes are, or null.</summary>
    public static EvidenceFormat? Identify(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(JpegMagic)) return EvidenceFormat.Jpeg;
        if (content.StartsWith(PngMagic)) return EvidenceFormat.Png;
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return EvidenceFormat.Gif;
        if (IsRiff(content, "WEBP"u8)) return EvidenceFormat.WebP;
        if (IsRiff(content, "WAVE"u8)) return EvidenceFormat.Wav;
        if (content.StartsWith("%PDF-"u8)) return EvidenceFormat.Pdf;
        if (content.StartsWith("#!AMR\n"u8) || content.StartsWith("#!AMR-WB\n"u8)) return EvidenceFormat.Amr;
        if (IsMp3(content)) return EvidenceFormat.Mp3;
        if (IsAudioMp4(content)) return EvidenceFormat.M4a;
        if (content.StartsWith("PK\x03\x04"u8)) return OfficeOpenXml(content);
        if (content.StartsWith(OleMagic)) return LegacyOffice(content);
        return null;
    }

    /// <summary>Formats people try to upload that are refused on purpose, said by name ("Windows 可执行程序").</summary>
    public static string? KnownRefused(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("MZ"u8)) return "Windows 可执行程序";
        if (content.StartsWith(ElfMagic)) return "可执行程序";
        if (content.StartsWith("#!"u8)) return "脚本程序";
        if (content.StartsWith("PK\x03\x04"u8)) return "压缩包";
        if (content.StartsWith("Rar!"u8) || content.StartsWith(SevenZipMagic) || content.StartsWith(GzipMagic)) return "压缩包";
        if (content.StartsWith(OleMagic)) return "Office 以外的复合文档（如安装包、邮件）";
        if (IsMp4(content)) return "视频";
        var start = Encoding.ASCII.GetString(content[..Math.Min(content.Length, 256)]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').ToLowerInvariant();
        if (start.StartsWith("<svg") || start.StartsWith("<?xml") || start.StartsWith("<!doctype") || start.StartsWith("<html")) return "网页或 XML 文件";
        return null;
    }

    private static bool IsRiff(ReadOnlySpan<byte> content, ReadOnlySpan<byte> form) =>
        content.Length >= 12 && content.StartsWith("RIFF"u8) && content.Slice(8, 4).SequenceEqual(form);

    /// <summary>An ID3 tag, or an MPEG audio frame header (layer I–III, a valid bitrate and sampling rate).</summary>
    private static bool IsMp3(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("ID3"u8) && c.Length >= 10) return true;
        if (c.Length < 4 || c[0] != 0xFF || (c[1] & 0xE0) != 0xE0) return false;
        var version = (c[1] >> 3) & 0b11;
        var layer = (c[1] >> 1) & 0b11;
        var bitrate = c[2] >> 4;
        var sampling = (c[2] >> 2) & 0b11;
        return version != 0b01 && layer != 0b00 && bitrate is not (0 or 15) && sampling != 0b11;
    }

    private static bool IsMp4(ReadOnlySpan<byte> c) => c.Length >= 12 && c.Slice(4, 4).SequenceEqual("ftyp"u8);

    /// <summary>
    /// An MPEG-4 file that is sound only: the M4A/M4B brand, or a generic brand (phones write isom or mp42
    /// for recordings) whose tracks are all sound — no video handler anywhere in the file.
    /// </summary>
    private static bool IsAudioMp4(ReadOnlySpan<byte> c)
    {
        if (!IsMp4(c)) return false;
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(c), (uint)c.Length);
        for (var i = 8; i + 4 <= boxSize; i += 4)
        {
            if (i == 12) continue; // minor version, not a brand
            var brand = c.Slice(i, 4);
            if (brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8)) return true;
        }
        return HandlerTypes(c) is var handlers && handlers.Contains("soun") && !handlers.Contains("vide");
    }

    /// <summary>The handler types of every 'hdlr' box in the file (soun, vide, meta…).</summary>
    private static HashSet<string> HandlerTypes(ReadOnlySpan<byte> c)
    {
        var found = new HashSet<string>();
        var offset = 0;
        while (offset < c.Length && c[offset..].IndexOf("hdlr"u8) is var at and >= 0)
        {
            var position = offset + at;
            if (position + 16 <= c.Length) found.Add(Encoding.ASCII.GetString(c.Slice(position + 12, 4)));
            offset = position + 4;
        }
        return found;
    }

    /// <summary>A zip whose parts say it is a Word, Excel or PowerPoint file ([Content_Types].xml and word/, xl/ or ppt/).</summary>
    private static EvidenceFormat? OfficeOpenXml(ReadOnlySpan<byte> content)
    {
        var names = ZipEntries.Names(content);
        if (!names.Contains("[Content_Types].xml")) return null;
        if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return EvidenceFormat.Docx;
        if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return EvidenceFormat.Xlsx;
        if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return EvidenceFormat.Pptx;
        return null;
    }

    /// <summary>An OLE compound file holding a WordDocument stream (.doc) or a Workbook/Book stream (.xls); other compound files (.msi, .msg) are not evidence documents.</summary>
    private static EvidenceFormat? LegacyOffice(ReadOnlySpan<byte> content)
    {
        var streams = CompoundFile.StreamNames(content);
        if (streams.Contains("WordDocument")) return EvidenceFormat.Doc;
        if (streams.Contains("Workbook") || streams.Contains("Book")) return EvidenceFormat.Xls;
        return null;
    }
}
