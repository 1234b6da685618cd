using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PowerService.Tests.Documents;

/// <summary>Reads a PDF back with poppler's pdftotext (installed by test.sh); a missing tool fails the test.</summary>
public static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        if (!File.Exists("/usr/bin/pdftotext")) Assert.Fail("pdftotext is missing: run ./test.sh (it installs poppler-utils) or apt-get install -y poppler-utils");
        var path = Path.Combine(Path.GetTempPath(), $"ps-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Text without any white space, so a phrase split across lines still matches.</summary>
    public static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
