using System.Globalization;
using System.Text;

namespace PowerService.Domain.Documents;

/// <summary>
/// Breaks text into lines for Chinese typesetting: any CJK character may end a line, Latin words and
/// numbers stay whole, closing punctuation never starts a line and opening brackets never end one
/// (禁则). Width is measured by the caller's function, so the rule is tested without a font.
/// </summary>
public static class LineBreaker
{
    private const string NoLineStart = "，。、；：？！）」』》〉】〕”’…—·,.;:?!)]}%";
    private const string NoLineEnd = "（「『《〈【〔“‘([{";

    public static IReadOnlyList<string> Break(string text, Func<string, float> measure, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            BreakParagraph(paragraph, measure, width, lines);
        return lines;
    }

    private static void BreakParagraph(string text, Func<string, float> measure, float width, List<string> lines)
    {
        // A unit wider than the line (a very long number) is broken into characters.
        var units = Units(text).SelectMany(u => measure(u.TrimEnd()) > width ? u.Select(c => c.ToString()) : [u]).ToList();
        if (units.Count == 0)
        {
            lines.Add("");
            return;
        }
        var line = new StringBuilder();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (line.Length == 0 || measure(line + unit.TrimEnd()) <= width)
            {
                line.Append(unit);
                continue;
            }
            // The unit does not fit: move units back so the new line does not start with closing
            // punctuation and the old one does not end with an opening bracket.
            var carry = new List<string> { unit };
            while (carry[0].Length > 0 && NoLineStart.Contains(carry[0][0]) && line.Length > 1)
                carry.Insert(0, Pop(line));
            while (line.Length > 1 && NoLineEnd.Contains(line[^1]))
                carry.Insert(0, Pop(line));
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            foreach (var c in carry) line.Append(c);
        }
        lines.Add(line.ToString().TrimEnd());
    }

    /// <summary>Removes and returns the last text element (a character, or a surrogate pair).</summary>
    private static string Pop(StringBuilder line)
    {
        var length = char.IsLowSurrogate(line[^1]) && line.Length > 1 ? 2 : 1;
        var popped = line.ToString(line.Length - length, length);
        line.Length -= length;
        return popped;
    }

    /// <summary>Breakable units: one CJK character, or a run of Latin letters/digits with its trailing space.</summary>
    private static List<string> Units(string text)
    {
        var units = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        var word = new StringBuilder();
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var c = element[0];
            if (element.Length == 1 && c < 0x2E80 && !char.IsWhiteSpace(c) && !NoLineStart.Contains(c) && !NoLineEnd.Contains(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
            {
                if (char.IsWhiteSpace(c)) { word.Append(c); units.Add(word.ToString()); word.Clear(); continue; }
                units.Add(word.ToString());
                word.Clear();
            }
            units.Add(element);
        }
        if (word.Length > 0) units.Add(word.ToString());
        return units;
    }
}
