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
/// Layout (up to 27 characters): open flag (0 open, 1 ended) · urgency rank (0 critical, 1 urgent,
/// 2 normal) · the next deadline in whole Unix seconds, 10 digits (9999999999 when no clock runs) ·
/// the 14- or 15-character number. The number makes every key unique, so a page boundary is never ambiguous.
/// Deadlines within the same second fall back to registration order — except that a day's five-digit
/// numbers (past 9,999, from bulk imports) sort before its four-digit ones; re-keying every stored
/// complaint to pad them was not worth an order that only matters within one second.
/// </remarks>
public static class QueueOrder
{
    public const int KeyLength = 2 + 10 + ComplaintNumber.MaxLength;

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
        return string.Concat(stage.IsOpen() ? "0" : "1", RankOf(urgency).ToString(CultureInfo.InvariantCulture), due, number);
    }

    public static int RankOf(Urgency urgency) => urgency switch
    {
        Urgency.Critical => 0,
        Urgency.Urgent => 1,
        _ => 2,
    };
}

/// <summary>Queue keys from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public readonly record struct KeyRange(string From, string To);
