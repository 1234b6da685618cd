using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The human-readable complaint number: "TS", the China date of registration, and the sequence within
/// that day — four digits (TS202611230001) as staff read it out on the phone; a day that takes more
/// than 9,999 (a bulk import of work orders) goes on with five digits (TS2026112310000), and past
/// 99,999 with six (TS20261123100000), up to 999,999 a day.
/// </summary>
public static class ComplaintNumber
{
    public const string Prefix = "TS";
    public const int MaxPerDay = 999_999;

    /// <summary>The shortest number: the prefix, eight date digits and a four-digit sequence.</summary>
    public const int MinLength = 14;

    /// <summary>The longest number: the prefix, eight date digits and a six-digit sequence.</summary>
    public const int MaxLength = 16;

    public static string DayPrefix(DateOnly chinaDate) => Prefix + chinaDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string For(DateOnly chinaDate, int sequence) =>
        sequence is < 1 or > MaxPerDay
            ? throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "The day's sequence must be 1–999999.")
            : DayPrefix(chinaDate) + sequence.ToString("D4", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out string? number)
    {
        number = null;
        var candidate = text?.Trim().ToUpperInvariant();
        if (candidate is null || candidate.Length is < MinLength or > MaxLength || !candidate.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        if (!DateOnly.TryParseExact(candidate[2..10], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        if (!int.TryParse(candidate[10..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1) return false;
        // Five digits only past 9,999, six only past 99,999: TS202611230001 has exactly one spelling.
        if (seq < SmallestOfDigits(candidate.Length - 10)) return false;
        number = candidate;
        return true;
    }

    /// <summary>The smallest sequence written with this many digits: 1, 10,000, 100,000.</summary>
    private static int SmallestOfDigits(int digits) => digits <= 4 ? 1 : (int)Math.Pow(10, digits - 1);

    /// <summary>The sequence of a number; used to allocate the next one of a day.</summary>
    public static int SequenceOf(string number) => int.Parse(number.AsSpan(10), CultureInfo.InvariantCulture);
}
