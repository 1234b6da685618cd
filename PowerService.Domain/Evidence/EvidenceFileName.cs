using System.Globalization;
using System.Text;

namespace PowerService.Domain.Evidence;

/// <summary>
/// A file name as it is stored and shown: the last part of whatever path the browser sent, without
/// control or invisible formatting characters (a right-to-left override can make "gpj.exe" read as
/// "exe.jpg"), without the characters file systems refuse, spaces collapsed, at most
/// <see cref="EvidenceLimits.FileName"/> characters with its extension kept. The stored bytes are
/// named by their hash, so the name is only ever shown and offered for download.
/// </summary>
public static class EvidenceFileName
{
    private const string Forbidden = "<>:\"/\\|?*";

    public static string Clean(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (char.IsWhiteSpace(ch)) { kept.Append(' '); continue; }
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            if (Forbidden.Contains(ch)) continue;
            kept.Append(ch);
        }
        var collapsed = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');
        var (stem, extension) = Split(collapsed);
        stem = stem.Trim('.', ' ');
        if (stem.Length == 0) stem = "证据";
        var room = EvidenceLimits.FileName - extension.Length;
        if (stem.Length > room) stem = stem[..room].TrimEnd('.', ' ');
        return stem + extension;
    }

    /// <summary>The extension of a cleaned name, lower case with its dot (".jpg"), or "" when it has none.</summary>
    public static string ExtensionOf(string name) => Split(name).Extension.ToLowerInvariant();

    /// <summary>A name given the format's own extension when it has none.</summary>
    public static string WithExtension(string name, EvidenceFormat format)
    {
        if (ExtensionOf(name).Length > 0) return name;
        var stem = name.Length + format.Extension.Length > EvidenceLimits.FileName ? name[..(EvidenceLimits.FileName - format.Extension.Length)] : name;
        return stem + format.Extension;
    }

    /// <summary>Stem and extension: an extension is a final dot and 1–5 letters or digits.</summary>
    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || name.Length - dot - 1 is < 1 or > 5) return (name, "");
        var extension = name[dot..];
        return extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? (name[..dot], extension) : (name, "");
    }
}
