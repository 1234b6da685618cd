using System.Globalization;
using PowerService.Domain.Text;

namespace PowerService.Domain.Wording;

/// <summary>
/// Finds forbidden service phrases in what staff write to customers and the regulator, however they
/// were typed: with punctuation or spaces between the characters (规定，就是 这样), in full-width forms,
/// in traditional characters. Each hit is located in the original text, so the page can mark it and
/// offer the better wording in its place.
/// </summary>
public static class WordingCheck
{
    public static IReadOnlyList<WordingHit> Find(string? text, IEnumerable<ForbiddenPhrase> phrases)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var (normal, positions) = Normalise(text);
        var hits = new List<WordingHit>();
        // Longest phrases first, so "有意见找领导去" is reported rather than the "找领导去" inside it.
        foreach (var phrase in phrases.OrderByDescending(p => p.Phrase.Length))
        {
            var wanted = Normalise(phrase.Phrase).Text;
            if (wanted.Length == 0) continue;
            for (var i = normal.IndexOf(wanted, StringComparison.Ordinal); i >= 0; i = normal.IndexOf(wanted, i + wanted.Length, StringComparison.Ordinal))
            {
                var start = positions[i];
                var end = positions[i + wanted.Length - 1] + 1;
                if (hits.Any(h => start < h.Start + h.Length && h.Start < end)) continue;
                hits.Add(new WordingHit(phrase, start, end - start));
            }
        }
        return [.. hits.OrderBy(h => h.Start)];
    }

    /// <summary>The phrases that stop a letter from being issued without a manager's reason.</summary>
    public static IReadOnlyList<string> Blocking(IEnumerable<WordingHit> hits) =>
        [.. hits.Where(h => h.Phrase.Blocks).Select(h => h.Phrase.Phrase).Distinct()];

    /// <summary>
    /// The text as compared: folded to ASCII and simplified characters, lower case, with punctuation,
    /// symbols and spaces left out; and for each character kept, where it stood in the original.
    /// </summary>
    public static (string Text, int[] Positions) Normalise(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        var positions = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = ChineseText.Simplified(ChineseText.Fold(text[i]));
            if (char.IsWhiteSpace(c) || IsPunctuationOrSymbol(c)) continue;
            kept.Append(char.ToLowerInvariant(c));
            positions.Add(i);
        }
        return (kept.ToString(), [.. positions]);
    }

    private static bool IsPunctuationOrSymbol(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.Format => true,
        _ => false,
    };
}
