using System.Security.Cryptography;
using System.Text;
using PowerService.Domain.Documents;
using SkiaSharp;

namespace PowerService.Web.Features.Documents;

/// <summary>
/// Draws a laid-out document to PDF (SkiaSharp's PDF backend) or to PNG pages for the preview — the
/// same layout either way, so the preview shows exactly what the PDF will contain. Each line is one
/// text run carrying its text and clusters, so the PDF holds /ActualText and text extraction
/// (pdftotext, copy and paste) returns the exact characters.
/// </summary>
public sealed class DocumentRenderer(DocumentFonts fonts)
{
    public string? Problem => fonts.Problem;

    public byte[] Pdf(DocumentSpec spec, DateTimeOffset createdAt)
    {
        var pages = Layout(spec);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = spec.Title, Author = spec.Header, Creator = "PowerService", Producer = "PowerService",
            Creation = createdAt.UtcDateTime, Modified = createdAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(DocumentLayout.PageWidth, DocumentLayout.PageHeight);
                Draw(canvas, spec, pages[i], i + 1, pages.Count);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>PNG images of the pages at <paramref name="scale"/> (1 = 72 dpi).</summary>
    public IReadOnlyList<byte[]> Png(DocumentSpec spec, float scale = 1.4f)
    {
        var pages = Layout(spec);
        var images = new List<byte[]>();
        var info = new SKImageInfo((int)(DocumentLayout.PageWidth * scale), (int)(DocumentLayout.PageHeight * scale));
        for (var i = 0; i < pages.Count; i++)
        {
            using var surface = SKSurface.Create(info);
            surface.Canvas.Clear(SKColors.White);
            surface.Canvas.Scale(scale);
            Draw(surface.Canvas, spec, pages[i], i + 1, pages.Count);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 90);
            images.Add(data.ToArray());
        }
        return images;
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private IReadOnlyList<IReadOnlyList<DrawOp>> Layout(DocumentSpec spec)
    {
        if (fonts.Regular is null) throw new InvalidOperationException(fonts.Problem);
        return new DocumentLayout(fonts.Regular, fonts.Bold!).Lay(spec);
    }

    private void Draw(SKCanvas canvas, DocumentSpec spec, IReadOnlyList<DrawOp> ops, int page, int pages)
    {
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var rule = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };

        // Header and footer, now that the page count is known.
        DrawText(canvas, spec.Header, 68, 52, 9, false, ink);
        if ((spec.DocumentNumber, spec.Version) switch { (null, <= 1) => null, (var n, <= 1) => n, (null, var v) => $"第 {v} 版", (var n, var v) => $"{n}　第 {v} 版" } is { } right)
        {
            using var f = Font(9, false);
            DrawText(canvas, right, DocumentLayout.PageWidth - 68 - f.MeasureText(right), 52, 9, false, ink);
        }
        rule.StrokeWidth = 0.6f;
        canvas.DrawLine(68, 58, DocumentLayout.PageWidth - 68, 58, rule);
        var footer = $"第 {page} 页 共 {pages} 页";
        using (var f = Font(9, false))
            DrawText(canvas, footer, (DocumentLayout.PageWidth - f.MeasureText(footer)) / 2, DocumentLayout.PageHeight - 40, 9, false, ink);

        foreach (var op in ops)
        {
            switch (op)
            {
                case FillOp f:
                    fill.Color = f.Color;
                    canvas.DrawRect(f.Rect, fill);
                    break;
                case LineOp l:
                    rule.StrokeWidth = l.Width;
                    canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, rule);
                    break;
                case TextOp t when t.Color is { } color:
                    using (var paint = new SKPaint { Color = color, IsAntialias = true })
                        DrawText(canvas, t.Text, t.X, t.Baseline, t.Size, t.Bold, paint);
                    break;
                case TextOp t:
                    DrawText(canvas, t.Text, t.X, t.Baseline, t.Size, t.Bold, ink);
                    break;
                case PathOp p:
                    Path(canvas, p);
                    break;
                case MarkerOp m:
                    Marker(canvas, m);
                    break;
            }
        }
    }

    private static void Path(SKCanvas canvas, PathOp op)
    {
        if (op.Points.Count < 2) return;
        using var paint = new SKPaint { Color = op.Color, StrokeWidth = op.Width, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        using var dash = op.Dash is { } d ? SKPathEffect.CreateDash(d, 0) : null;
        paint.PathEffect = dash;
        using var path = new SKPath();
        path.MoveTo(op.Points[0]);
        foreach (var point in op.Points.Skip(1)) path.LineTo(point);
        canvas.DrawPath(path, paint);
    }

    /// <summary>Filled in the series' colour with a thin white rim, so a marker stands clear of a line crossing it.</summary>
    private static void Marker(SKCanvas canvas, MarkerOp op)
    {
        using var fill = new SKPaint { Color = op.Color, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var rim = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 0.7f, IsAntialias = true };
        var (x, y, r) = (op.Center.X, op.Center.Y, op.Radius);
        using var path = new SKPath();
        switch (op.Shape)
        {
            case MarkerShape.Circle: path.AddCircle(x, y, r); break;
            case MarkerShape.Square: path.AddRect(new SKRect(x - r * 0.9f, y - r * 0.9f, x + r * 0.9f, y + r * 0.9f)); break;
            case MarkerShape.Triangle: path.AddPoly([new(x, y - r * 1.2f), new(x + r * 1.1f, y + r * 0.8f), new(x - r * 1.1f, y + r * 0.8f)]); break;
            default: path.AddPoly([new(x, y - r * 1.25f), new(x + r * 1.25f, y), new(x, y + r * 1.25f), new(x - r * 1.25f, y)]); break;
        }
        canvas.DrawPath(path, fill);
        canvas.DrawPath(path, rim);
    }

    private SKFont Font(float size, bool bold) => new(bold ? fonts.Bold : fonts.Regular, size);

    /// <summary>One line as one text run with its UTF-8 text and per-glyph clusters (→ /ActualText in the PDF).</summary>
    private void DrawText(SKCanvas canvas, string text, float x, float baseline, float size, bool bold, SKPaint paint)
    {
        if (text.Length == 0) return;
        using var font = Font(size, bold);
        var glyphs = font.GetGlyphs(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var clusters = new uint[glyphs.Length];
        var offset = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (index < clusters.Length) clusters[index++] = (uint)offset;
            offset += rune.Utf8SequenceLength;
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateTextRun(font, glyphs.Length, x, baseline, utf8.Length, null);
        run.SetGlyphs(glyphs);
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
    }
}
