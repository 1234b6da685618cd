using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The human-readable complaint number: "TS", the China date of registration, and a four-digit
/// sequence within that day — e.g. TS202611230001. Staff read it out on the phone, so it stays short.
/// </summary>
public static class ComplaintNumber
{
    public const string Prefix = "TS";
    public const int MaxPerDay = 9999;

    public static string DayPrefix(DateOnly chinaDate) => Prefix + chinaDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string For(DateOnly chinaDate, int sequence) =>
        sequence is < 1 or > MaxPerDay
            ? throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "The day's sequence must be 1–9999.")
            : DayPrefix(chinaDate) + sequence.ToString("D4", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out string? number)
    {
        number = null;
        var candidate = text?.Trim().ToUpperInvariant();
        if (candidate is null || candidate.Length != 14 || !candidate.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        if (!DateOnly.TryParseExact(candidate[2..10], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        if (!int.TryParse(candidate[10..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1) return false;
        number = candidate;
        return true;
    }

    /// <summary>The sequence of a number; used to allocate the next one of a day.</summary>
    public static int SequenceOf(string number) => int.Parse(number.AsSpan(10), CultureInfo.InvariantCulture);
}
