using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The human-readable complaint number: "TS", the China date of registration, and the sequence within
/// that day — four digits (TS202611230001) as staff read it out on the phone; a day that takes more
/// than 9,999 (a bulk import of work orders) goes on with five digits (TS2026112310000).
/// </summary>
public static class ComplaintNumber
{
    public const string Prefix = "TS";
    public const int MaxPerDay = 99_999;

    /// <summary>The longest number: the prefix, eight date digits and a five-digit sequence.</summary>
    public const int MaxLength = 15;

    public static string DayPrefix(DateOnly chinaDate) => Prefix + chinaDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string For(DateOnly chinaDate, int sequence) =>
        sequence is < 1 or > MaxPerDay
            ? throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "The day's sequence must be 1–99999.")
            : DayPrefix(chinaDate) + sequence.ToString("D4", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out string? number)
    {
        number = null;
        var candidate = text?.Trim().ToUpperInvariant();
        if (candidate is null || candidate.Length is not (14 or MaxLength) || !candidate.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        if (!DateOnly.TryParseExact(candidate[2..10], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        if (!int.TryParse(candidate[10..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1) return false;
        // Five digits only past 9,999: TS202611230001 has exactly one spelling.
        if (candidate.Length == MaxLength && seq < 10_000) return false;
        number = candidate;
        return true;
    }

    /// <summary>The sequence of a number; used to allocate the next one of a day.</summary>
    public static int SequenceOf(string number) => int.Parse(number.AsSpan(10), CultureInfo.InvariantCulture);
}
