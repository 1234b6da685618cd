using Microsoft.Extensions.Options;
using SkiaSharp;

namespace PowerService.Web.Features.Documents;

/// <summary>Where the CJK font is ("Documents" section); Noto Sans CJK SC from Debian's fonts-noto-cjk by default.</summary>
public sealed class DocumentOptions
{
    public string FontPath { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    public string BoldFontPath { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

    /// <summary>Face index inside the .ttc: 2 is Simplified Chinese in Noto Sans CJK.</summary>
    public int FontIndex { get; set; } = 2;

    public string IssuingUnit { get; set; } = "国网杭州供电公司";
    public string RegulatorOffice { get; set; } = "国家能源局浙江监管办公室";
}

/// <summary>
/// Loads the typefaces by file path (family-name lookup can silently return an empty typeface) and
/// checks that they really carry Chinese glyphs. When they do not, <see cref="Problem"/> says which
/// package to install; the documents feature reports it and the rest of the app keeps working.
/// </summary>
public sealed class DocumentFonts : IDisposable
{
    public DocumentFonts(IOptions<DocumentOptions> options)
    {
        var o = options.Value;
        Regular = Load(o.FontPath, o.FontIndex);
        Bold = Load(o.BoldFontPath, o.FontIndex) ?? Regular;
        if (Regular is null)
            Problem = $"未找到可用的中文字体（{o.FontPath}）。请在服务器上安装 Debian 软件包 fonts-noto-cjk（apt-get install -y fonts-noto-cjk），"
                      + "或在配置 Documents:FontPath 中指定中文字体文件的路径。";
    }

    public SKTypeface? Regular { get; }
    public SKTypeface? Bold { get; }
    public string? Problem { get; }

    private static SKTypeface? Load(string path, int index)
    {
        if (!File.Exists(path)) return null;
        var typeface = SKTypeface.FromFile(path, index);
        if (typeface is null) return null;
        using var font = new SKFont(typeface);
        if (font.GetGlyphs("中文")[0] == 0)
        {
            typeface.Dispose();
            return null;
        }
        return typeface;
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Bold, Regular)) Bold?.Dispose();
        Regular?.Dispose();
    }
}
