using System.Globalization;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The 工作台's order as one text that sorts the same way, stored with every complaint, so the
/// database can serve any page from an index by seeking (key &gt; last key seen) instead of counting
/// rows off from the start. The order: open complaints before ended ones; then the most urgent; then
/// the nearest deadline (overdue first, complaints without a running clock last); then the
/// complaint number, which follows registration order (the day, then the day's sequence).
/// </summary>
/// <remarks>
/// Layout (up to 32 characters): open flag (0 open, 1 ended) · urgency rank (0 critical, 1 urgent,
/// 2 normal) · the next deadline in whole Unix seconds, 10 digits (9999999999 when no clock runs) ·
/// the number as <see cref="NumberPart"/> writes it. The number makes every key unique, so a page
/// boundary is never ambiguous, and deadlines within the same second fall back to registration order.
/// </remarks>
public static class QueueOrder
{
    /// <summary>The longest number part: a six-digit number's date, then 9999 and the six digits.</summary>
    public const int NumberPartLength = ComplaintNumber.MaxLength + 4;

    public const int KeyLength = 2 + 10 + NumberPartLength;

    /// <summary>Written before a sequence past 9,999, which then has six digits.</summary>
    public const string LongSequenceMark = "9999";

    /// <summary>Every open complaint's key sorts before this; every ended one from it on.</summary>
    public const string EndedFrom = "1";

    private const string NoDeadline = "9999999999";

    /// <summary>
    /// The stretches of the key that hold the complaints asked for, in key order: one per urgency
    /// rank (or one for all ranks) and open/ended flag, narrowed to a deadline window when one is
    /// given. Each stretch is one range of the key's index, read in the queue's order. The window
    /// is cut at whole seconds, as the key stores it: widened to the second that holds each end,
    /// so a caller that needs the exact instant filters on the deadline itself as well.
    /// </summary>
    public static IReadOnlyList<KeyRange> Ranges(Urgency? urgency, bool includeEnded, (DateTimeOffset? From, DateTimeOffset To)? dueWindow = null)
    {
        // Ended complaints have no running clock: a deadline window holds open ones only.
        string[] flags = includeEnded && dueWindow is null ? ["0", "1"] : ["0"];
        if (urgency is null && dueWindow is null) return [new(flags[0], flags[^1] == "0" ? EndedFrom : "2")];
        int[] ranks = urgency is { } u ? [RankOf(u)] : [0, 1, 2];
        var ranges = new List<KeyRange>();
        foreach (var flag in flags)
            foreach (var rank in ranks)
            {
                var prefix = flag + rank.ToString(CultureInfo.InvariantCulture);
                ranges.Add(dueWindow is var (from, to)
                    ? new(prefix + (from is { } f ? Seconds(f) : ""), prefix + Seconds(to.AddSeconds(1)))
                    : new(prefix, flag + (rank + 1).ToString(CultureInfo.InvariantCulture)));
            }
        return ranges;
    }

    private static string Seconds(DateTimeOffset at) => Math.Max(0, at.ToUnixTimeSeconds()).ToString("D10", CultureInfo.InvariantCulture);

    public static string KeyOf(Stage stage, Urgency urgency, DateTimeOffset? nextDueAt, string number)
    {
        var due = nextDueAt is { } at ? Seconds(at) : NoDeadline;
        return string.Concat(stage.IsOpen() ? "0" : "1", RankOf(urgency).ToString(CultureInfo.InvariantCulture), due, NumberPart(number));
    }

    /// <summary>
    /// The number as the key holds it, so that text order is registration order: a four-digit number as
    /// it is (the keys stored before longer numbers existed stay valid); a longer one as its date, 9999
    /// and the sequence in six digits — after every four-digit number of its day (9999 and more sorts
    /// after 9999), then in order among themselves (TS2026112310000 → TS20261123 9999 010000).
    /// </summary>
    public static string NumberPart(string number) => number.Length <= ComplaintNumber.MinLength
        ? number
        : string.Concat(number.AsSpan(0, 10), LongSequenceMark, ComplaintNumber.SequenceOf(number).ToString("D6", CultureInfo.InvariantCulture));

    public static int RankOf(Urgency urgency) => urgency switch
    {
        Urgency.Critical => 0,
        Urgency.Urgent => 1,
        _ => 2,
    };
}

/// <summary>Queue keys from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public readonly record struct KeyRange(string From, string To);
