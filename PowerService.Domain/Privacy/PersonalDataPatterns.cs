using System.Text.RegularExpressions;

namespace PowerService.Domain.Privacy;

/// <summary>
/// The shapes personal data takes in free text, shared by display masking (<see cref="TextMasking"/>)
/// and retention (<see cref="Anonymiser"/>), so both recognise the same ID numbers and phones. A match
/// must not touch a letter or digit on either side: numbers inside longer codes (TS…, 工单编号, SHA-256) stay.
/// </summary>
internal static partial class PersonalDataPatterns
{
    /// <summary>18-digit resident ID (the last may be X) or the old 15-digit one.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")]
    public static partial Regex IdNumber();

    /// <summary>Mainland mobile, also typed as 138-1234-8000 or 138 1234 8000.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9A-Za-z])")]
    public static partial Regex Mobile();

    /// <summary>Landline with area code: 0571-87654321, 057187654321, (0571)87654321.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[(（]?0\d{2,3}[)）]?[\s-]?\d{7,8}(?![0-9A-Za-z])")]
    public static partial Regex Landline();
}
