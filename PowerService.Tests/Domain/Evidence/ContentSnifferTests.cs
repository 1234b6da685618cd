using PowerService.Domain.Evidence;

namespace PowerService.Tests.Domain.Evidence;

/// <summary>A file's type is judged from its bytes: each accepted format is recognised, and everything else is refused with a Chinese reason.</summary>
public class ContentSnifferTests
{
    public static TheoryData<string, string, EvidenceKind> Accepted() => new()
    {
        { "jpeg", "a.jpg", EvidenceKind.Image }, { "png", "a.png", EvidenceKind.Image }, { "gif", "a.gif", EvidenceKind.Image },
        { "webp", "a.webp", EvidenceKind.Image }, { "pdf", "a.pdf", EvidenceKind.Pdf }, { "mp3-tag", "a.mp3", EvidenceKind.Audio },
        { "mp3-frames", "a.mp3", EvidenceKind.Audio }, { "m4a", "a.m4a", EvidenceKind.Audio }, { "android-m4a", "a.m4a", EvidenceKind.Audio },
        { "wav", "a.wav", EvidenceKind.Audio }, { "amr", "a.amr", EvidenceKind.Audio }, { "docx", "a.docx", EvidenceKind.Office },
        { "xlsx", "a.xlsx", EvidenceKind.Office }, { "pptx", "a.pptx", EvidenceKind.Office }, { "doc", "a.doc", EvidenceKind.Office },
        { "xls", "a.xls", EvidenceKind.Office },
    };

    private static byte[] Sample(string sample) => sample switch
    {
        "jpeg" => EvidenceBuilder.Jpeg(), "png" => EvidenceBuilder.Png(), "gif" => EvidenceBuilder.Gif(), "webp" => EvidenceBuilder.WebP(),
        "pdf" => EvidenceBuilder.Pdf(), "mp3-tag" => EvidenceBuilder.Mp3WithTag(), "mp3-frames" => EvidenceBuilder.Mp3Frames(),
        "m4a" => EvidenceBuilder.M4a(), "android-m4a" => EvidenceBuilder.Mp4("isom", "soun"), "wav" => EvidenceBuilder.Wav(),
        "amr" => EvidenceBuilder.Amr(), "docx" => EvidenceBuilder.Docx(), "xlsx" => EvidenceBuilder.Xlsx(), "pptx" => EvidenceBuilder.Pptx(),
        "doc" => EvidenceBuilder.Ole("WordDocument", "\u0005SummaryInformation"), "xls" => EvidenceBuilder.Ole("Workbook"),
        _ => throw new ArgumentOutOfRangeException(nameof(sample)),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Each_accepted_format_is_recognised_from_its_bytes_and_hashed(string sample, string name, EvidenceKind kind)
    {
        var bytes = Sample(sample);

        var upload = EvidenceCheck.Inspect(name, bytes).Value;

        Assert.NotNull(upload);
        Assert.Equal(kind, upload.Format.Kind);
        Assert.Contains(System.IO.Path.GetExtension(name), upload.Format.Extensions);
        Assert.Equal(name, upload.FileName);
        Assert.Equal(bytes.Length, upload.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), upload.Sha256);
    }

    [Fact]
    public void A_program_renamed_to_jpg_is_refused_as_a_program()
    {
        var refused = EvidenceCheck.Inspect("现场照片.jpg", EvidenceBuilder.Exe());

        Assert.Null(refused.Value);
        Assert.StartsWith("“现场照片.jpg”的内容是Windows 可执行程序，不能作为证据上传。只接受照片（JPG", Assert.Single(refused.Outcome.Reasons));
    }

    [Fact]
    public void A_text_file_renamed_to_jpg_is_refused_as_unrecognised()
    {
        var refused = EvidenceCheck.Inspect("电表照片.jpg", EvidenceBuilder.Text());

        Assert.Equal($"无法识别“电表照片.jpg”的文件类型。只接受{EvidenceCheck.Accepted}；类型按文件内容判断，修改扩展名无效", Assert.Single(refused.Outcome.Reasons));
        Assert.Equal(nameof(PowerService.Domain.Complaints.Steps.EvidenceUpload.FileName), refused.Errors[0].Field);
    }

    [Theory]
    [InlineData("photo.jpg", "png", "“photo.jpg”的内容是PNG 图片，与扩展名 .jpg 不符。请上传原始文件；若确是PNG 图片，请将扩展名改为 .png")]
    [InlineData("录音.mp3", "wav", "“录音.mp3”的内容是WAV 录音，与扩展名 .mp3 不符。请上传原始文件；若确是WAV 录音，请将扩展名改为 .wav")]
    [InlineData("合同.jpg.exe", "jpeg", "“合同.jpg.exe”的内容是JPEG 图片，与扩展名 .exe 不符。请上传原始文件；若确是JPEG 图片，请将扩展名改为 .jpg")]
    public void A_name_claiming_another_format_than_the_bytes_is_refused(string name, string sample, string reason) =>
        Assert.Equal(reason, Assert.Single(EvidenceCheck.Inspect(name, Sample(sample)).Outcome.Reasons));

    [Fact]
    public void Extensions_match_in_any_case_and_a_name_without_one_gets_the_formats()
    {
        Assert.Equal("IMG_0001.JPG", EvidenceCheck.Inspect("IMG_0001.JPG", EvidenceBuilder.Jpeg()).Value!.FileName);
        Assert.Equal("现场照片.jpeg", EvidenceCheck.Inspect("现场照片.jpeg", EvidenceBuilder.Jpeg()).Value!.FileName);
        Assert.Equal("通话录音.amr", EvidenceCheck.Inspect("通话录音", EvidenceBuilder.Amr()).Value!.FileName);
    }

    [Theory]
    [InlineData("archive", "“资料.docx”的内容是压缩包，不能作为证据上传。")]
    [InlineData("msi", "“资料.docx”的内容是Office 以外的复合文档（如安装包、邮件），不能作为证据上传。")]
    [InlineData("video", "“资料.docx”的内容是视频，不能作为证据上传。")]
    [InlineData("svg", "“资料.docx”的内容是网页或 XML 文件，不能作为证据上传。")]
    public void Containers_that_are_not_accepted_documents_are_refused_by_what_they_are(string sample, string reason)
    {
        var bytes = sample switch
        {
            "archive" => EvidenceBuilder.Zip("[Content_Types].xml", "setup.exe"),
            "msi" => EvidenceBuilder.Ole("\u4840\u3B3F\u4577"),
            "video" => EvidenceBuilder.Mp4("isom", "soun", "vide"),
            _ => System.Text.Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        };

        Assert.StartsWith(reason, Assert.Single(EvidenceCheck.Inspect("资料.docx", bytes).Outcome.Reasons));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("“空.pdf”是空文件（0 字节），请重新选择", Assert.Single(EvidenceCheck.Inspect("空.pdf", []).Outcome.Reasons));
    }

    [Fact]
    public void Each_kind_has_its_own_size_limit()
    {
        var justImage = EvidenceBuilder.Jpeg(size: (int)EvidenceLimits.Image);
        var overImage = EvidenceBuilder.Jpeg(size: (int)EvidenceLimits.Image + 1);
        var wellOverImage = EvidenceBuilder.Jpeg(size: (int)EvidenceLimits.Image + 512 * 1024);
        var recording = EvidenceBuilder.Mp3Frames(size: (int)EvidenceLimits.Image + 1);
        var overPdf = EvidenceBuilder.Pdf(size: (int)EvidenceLimits.Pdf + 1);

        Assert.NotNull(EvidenceCheck.Inspect("a.jpg", justImage).Value);
        Assert.Null(EvidenceCheck.Inspect("a.jpg", overImage).Value);
        Assert.Equal("“a.jpg”为 10.5 MB，超过照片的上限 10 MB", Assert.Single(EvidenceCheck.Inspect("a.jpg", wellOverImage).Outcome.Reasons));
        Assert.NotNull(EvidenceCheck.Inspect("a.mp3", recording).Value); // a recording may be larger than a photo
        Assert.StartsWith("“a.pdf”为 20 MB，超过PDF 文件的上限 20 MB", Assert.Single(EvidenceCheck.Inspect("a.pdf", overPdf).Outcome.Reasons));
        Assert.NotNull(EvidenceCheck.TooLargeForAnyKind("big.mp3", EvidenceLimits.Audio + 1));
        Assert.Null(EvidenceCheck.TooLargeForAnyKind("big.mp3", EvidenceLimits.Audio));
    }

    [Theory]
    [InlineData(@"C:\Users\wang\Desktop\现场照片.jpg", "现场照片.jpg")]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("a<b>:c\"d|e?f*.jpg", "abcdef.jpg")]
    [InlineData("  电表\t\t读数  .jpg", "电表 读数.jpg")]
    [InlineData("..jpg", "证据.jpg")]
    [InlineData("", "证据")]
    public void File_names_are_cleaned(string raw, string cleaned) => Assert.Equal(cleaned, EvidenceFileName.Clean(raw));

    [Fact]
    public void A_long_name_is_cut_and_keeps_its_extension()
    {
        var cleaned = EvidenceFileName.Clean(new string('长', 300) + ".jpeg");

        Assert.Equal(EvidenceLimits.FileName, cleaned.Length);
        Assert.EndsWith("长.jpeg", cleaned);
    }
}
