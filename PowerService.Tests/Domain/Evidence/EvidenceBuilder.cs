using System.IO.Compression;
using System.Text;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Evidence;

namespace PowerService.Tests.Domain.Evidence;

/// <summary>Small files of each accepted format (their real signatures and structure, with filler), and uploads made from them.</summary>
public static class EvidenceBuilder
{
    /// <summary>Filler after a signature; <paramref name="seed"/> makes each file's bytes, and so its hash, its own.</summary>
    private static byte[] With(ReadOnlySpan<byte> head, int seed, int size = 2048)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        new Random(seed).NextBytes(bytes);
        head.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Jpeg(int seed = 1, int size = 2048) => With([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0], seed, size);
    public static byte[] Png(int seed = 1) => With([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], seed);
    public static byte[] Gif(int seed = 1) => With("GIF89a"u8, seed);
    public static byte[] WebP(int seed = 1) => With("RIFF\x10\x00\x00\x00WEBPVP8 "u8, seed);
    public static byte[] Pdf(int seed = 1, int size = 2048) => With("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8, seed, size);
    public static byte[] Mp3WithTag(int seed = 1) => With("ID3\x04\x00\x00\x00\x00\x00\x00"u8, seed);
    public static byte[] Mp3Frames(int seed = 1, int size = 2048) => With([0xFF, 0xFB, 0x90, 0x64], seed, size);
    public static byte[] Wav(int seed = 1) => With("RIFF\x24\x08\x00\x00WAVEfmt "u8, seed);
    public static byte[] Amr(int seed = 1) => With("#!AMR\n"u8, seed);

    public static byte[] M4a(int seed = 1) => With(Ftyp("M4A ", "M4A ", "mp42", "isom"), seed);

    /// <summary>An MPEG-4 file with a generic brand and the given track handlers (an Android recording: isom, soun).</summary>
    public static byte[] Mp4(string brand, params string[] handlers)
    {
        var bytes = new List<byte>(Ftyp(brand, brand, "iso2", "mp41"));
        foreach (var handler in handlers)
            bytes.AddRange([0, 0, 0, 0x21, .. "hdlr"u8.ToArray(), 0, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(handler), .. new byte[13]]);
        bytes.AddRange(new byte[512]);
        return [.. bytes];
    }

    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + 4 * compatible.Length;
        return [0, 0, 0, (byte)size, .. "ftyp"u8.ToArray(), .. Encoding.ASCII.GetBytes(major), 0, 0, 0, 0, .. compatible.SelectMany(Encoding.ASCII.GetBytes)];
    }

    /// <summary>A zip holding the named parts (an Office Open XML file when they are [Content_Types].xml and word/…, xl/… or ppt/…).</summary>
    public static byte[] Zip(params string[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        return stream.ToArray();
    }

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    public static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    public static byte[] Pptx() => Zip("[Content_Types].xml", "ppt/presentation.xml");

    /// <summary>An OLE compound file whose directory holds the root and the given streams (WordDocument for .doc, Workbook for .xls).</summary>
    public static byte[] Ole(params string[] streams)
    {
        var bytes = new byte[512 + 128 * (streams.Length + 1) + 512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Entry(bytes, 512, "Root Entry", 5);
        for (var i = 0; i < streams.Length; i++) Entry(bytes, 512 + 128 * (i + 1), streams[i], 2);
        return bytes;
    }

    private static void Entry(byte[] bytes, int at, string name, byte type)
    {
        var encoded = Encoding.Unicode.GetBytes(name + "\0");
        encoded.CopyTo(bytes, at);
        BitConverter.GetBytes((ushort)encoded.Length).CopyTo(bytes, at + 64);
        bytes[at + 66] = type;
    }

    public static byte[] Exe() => With("MZ\x90\x00\x03\x00\x00\x00"u8, 7);
    public static byte[] Text() => Encoding.UTF8.GetBytes("这不是图片，只是一段文字。\n");

    /// <summary>A checked upload; refused files throw, so a test that means to refuse uses <see cref="EvidenceCheck.Inspect"/>.</summary>
    public static EvidenceUpload Upload(string name, byte[] content)
    {
        var checkedFile = EvidenceCheck.Inspect(name, content);
        return checkedFile.Value ?? throw new InvalidOperationException(string.Join("；", checkedFile.Outcome.Reasons));
    }

    public static EvidenceUpload Photo(int seed = 1) => Upload("现场照片.jpg", Jpeg(seed));
}
