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
/// A missing font is looked for again whenever a document is asked for, so a font installed while
/// the app runs is used without a restart; once found, the typefaces are loaded once and kept.
/// </summary>
public sealed class DocumentFonts : IDisposable
{
    private readonly DocumentOptions _options;
    private readonly Lock _gate = new();
    private Faces? _faces;
    private (DateTime Written, long Length)? _rejected; // a file that is there but has no Chinese glyphs: retried when it changes
    private bool _disposed;

    public DocumentFonts(IOptions<DocumentOptions> options)
    {
        _options = options.Value;
        Find();
    }

    public SKTypeface? Regular => Find()?.Regular;
    public SKTypeface? Bold => Find()?.Bold;

    public string? Problem => Find() is null
        ? $"未找到可用的中文字体（{_options.FontPath}）。请在服务器上安装 Debian 软件包 fonts-noto-cjk（apt-get install -y fonts-noto-cjk；./run.sh 启动时会自动安装），"
          + "安装后刷新本页即可，无需重启应用；也可在配置 Documents:FontPath 中指定中文字体文件的路径（修改配置后需重启应用）。"
        : null;

    private sealed record Faces(SKTypeface Regular, SKTypeface Bold);

    private Faces? Find()
    {
        if (Volatile.Read(ref _faces) is { } found) return found;
        lock (_gate)
        {
            if (_faces is not null || _disposed) return _faces;
            var file = new FileInfo(_options.FontPath);
            if (!file.Exists) return null;
            if (_rejected == (file.LastWriteTimeUtc, file.Length)) return null;
            var regular = Load(_options.FontPath, _options.FontIndex);
            if (regular is null)
            {
                _rejected = (file.LastWriteTimeUtc, file.Length);
                return null;
            }
            Volatile.Write(ref _faces, new Faces(regular, Load(_options.BoldFontPath, _options.FontIndex) ?? regular));
            return _faces;
        }
    }

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
        lock (_gate)
        {
            _disposed = true;
            if (_faces is not { } faces) return;
            if (!ReferenceEquals(faces.Bold, faces.Regular)) faces.Bold.Dispose();
            faces.Regular.Dispose();
            _faces = null;
        }
    }
}
