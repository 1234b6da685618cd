using System.Text;
using Microsoft.Playwright;
using PowerService.Tests.Documents;

namespace PowerService.Tests.EndToEnd;

/// <summary>A download as the browser received it.</summary>
public sealed record Download(string Url, int Status, string ContentType, byte[] Body);

/// <summary>What the browser received while a test went somewhere: the pages' HTML, every WebSocket frame, the downloads.</summary>
public sealed record Seen(string Html, IReadOnlyList<byte[]> Frames, IReadOnlyList<Download> Downloads);

/// <summary>
/// Captures what reaches a browser (HTML, Blazor Server's WebSocket frames, downloads) and checks that
/// none of a set of values is in it, in any form: the leak tests of every surface share it.
/// </summary>
public static class BrowserCapture
{
    /// <summary>
    /// Runs the steps, which call the snapshot after each page they reach, and returns those pages' HTML
    /// and every WebSocket frame the browser received meanwhile.
    /// </summary>
    public static async Task<Seen> CaptureAsync(IPage page, Func<Func<Task>, Task> steps)
    {
        var frames = new List<byte[]>();
        var html = new StringBuilder();
        void OnFrame(object? _, IWebSocketFrame f) { lock (frames) frames.Add(f.Binary ?? Encoding.UTF8.GetBytes(f.Text ?? "")); }
        void OnSocket(object? _, IWebSocket ws) => ws.FrameReceived += OnFrame;
        async Task Snapshot()
        {
            await page.WaitForTimeoutAsync(200); // the last render batches of this page
            html.Append(await page.ContentAsync());
        }
        page.WebSocket += OnSocket;
        try
        {
            await steps(Snapshot);
        }
        finally
        {
            page.WebSocket -= OnSocket;
        }
        lock (frames) return new Seen(html.ToString(), [.. frames], []);
    }

    public static void AssertNoValue(Seen seen, IEnumerable<string> values)
    {
        var downloads = seen.Downloads.Select(d => d.ContentType.Contains("pdf") ? PdfText.Squeeze(PdfText.Extract(d.Body)) : Encoding.UTF8.GetString(d.Body)).ToList();
        var leaks = values.SelectMany(v => new[]
        {
            seen.Html.Contains(v) ? $"{v} in the HTML" : null,
            Found(seen.Frames, v) ? $"{v} in a WebSocket frame" : null,
            downloads.Any(d => d.Contains(v)) ? $"{v} in a download" : null,
            Base64Forms(v).Any(b => seen.Html.Contains(b) || Found(seen.Frames, b)) ? $"{v} base64-encoded" : null,
        }).OfType<string>().ToList();
        Assert.True(leaks.Count == 0, "Leaked: " + string.Join("; ", leaks));
    }

    /// <summary>Whether the UTF-8 bytes of <paramref name="value"/> occur in the frames (searched joined, so a value split between frames counts too).</summary>
    public static bool Found(IReadOnlyList<byte[]> frames, string value)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        return frames.Any(f => f.AsSpan().IndexOf(needle) >= 0) || frames.SelectMany(f => f).ToArray().AsSpan().IndexOf(needle) >= 0;
    }

    /// <summary>The value's base64 at each of the three byte alignments it can start at, without the characters its neighbours change.</summary>
    public static IEnumerable<string> Base64Forms(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        for (var offset = 0; offset < 3; offset++)
        {
            var encoded = Convert.ToBase64String([.. new byte[offset], .. bytes]);
            var start = offset == 0 ? 0 : 4; // the first group mixes in the padding bytes
            var end = encoded.Length - 4; // the last group may mix in what follows
            if (end - start >= 8) yield return encoded[start..end];
        }
    }
}
