using System.Globalization;
using System.Text.RegularExpressions;

namespace PowerService.Domain.Text;

/// <summary>
/// Checks on typed text. Complaint records are evidence for regulators and courts, so they hold
/// plain text only: no markup, no control characters, no emoji (which the formal documents
/// cannot print either).
/// </summary>
public static partial class TextRules
{
    public static bool Present(string? text) => !string.IsNullOrWhiteSpace(text);

    public static bool WithinLength(string? text, int max) => text is null || text.Trim().Length <= max;

    public static bool AtLeast(string? text, int min) => text is not null && text.Trim().Length >= min;

    /// <summary>Empty text passes: whether a field is required is a separate rule.</summary>
    public static bool IsPlainText(string? text) =>
        text is null || (!MarkupTag().IsMatch(text) && !text.Any(IsControl) && !ContainsEmoji(text));

    public static bool IsPersonName(string? text) => text is null || PersonName().IsMatch(text.Trim());

    /// <summary>Mainland mobile (11 digits from 13–19) or landline with area code.</summary>
    public static bool IsPhone(string? text) => text is null || Phone().IsMatch(text.Trim());

    /// <summary>户号: the utility's customer account number, 10 to 13 digits.</summary>
    public static bool IsAccountNumber(string? text) => string.IsNullOrWhiteSpace(text) || AccountNumber().IsMatch(text.Trim());

    public static bool IsReference(string? text) => string.IsNullOrWhiteSpace(text) || Reference().IsMatch(text.Trim());

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    private static bool ContainsEmoji(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                var cp = char.ConvertToUtf32(text, i);
                // Supplementary-plane CJK (extension B and later) is legitimate in names and
                // addresses; the symbol and pictograph planes are not.
                if (cp is >= 0x1F000 and <= 0x1FAFF) return true;
                i++;
            }
            else if (char.GetUnicodeCategory(text[i]) == UnicodeCategory.OtherSymbol && text[i] is >= '\u2600' and <= '\u27BF')
            {
                return true;
            }
            else if (text[i] is '\uFE0F' or '\u200D')
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z][\p{IsCJKUnifiedIdeographs}A-Za-z·•.\s]{0,29}$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\d{10,13}$")]
    private static partial Regex AccountNumber();

    [GeneratedRegex(@"^[A-Za-z0-9\-_]{4,40}$")]
    private static partial Regex Reference();
}
