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
/// Layout (26 characters): open flag (0 open, 1 ended) · urgency rank (0 critical, 1 urgent,
/// 2 normal) · the next deadline in whole Unix seconds, 10 digits (9999999999 when no clock runs) ·
/// the 14-character number. The number makes every key unique, so a page boundary is never ambiguous.
/// Deadlines within the same second fall back to registration order.
/// </remarks>
public static class QueueOrder
{
    public const int KeyLength = 26;

    /// <summary>Every open complaint's key sorts before this; every ended one from it on.</summary>
    public const string EndedFrom = "1";

    private const string NoDeadline = "9999999999";

    /// <summary>The keys of every open complaint: from (inclusive) and to (exclusive).</summary>
    public static (string From, string To) OpenRange() => ("0", EndedFrom);

    /// <summary>The keys of the open complaints of one urgency.</summary>
    public static (string From, string To) OpenRange(Urgency urgency) =>
        ("0" + RankOf(urgency).ToString(CultureInfo.InvariantCulture), "0" + (RankOf(urgency) + 1).ToString(CultureInfo.InvariantCulture));

    public static string KeyOf(Stage stage, Urgency urgency, DateTimeOffset? nextDueAt, string number)
    {
        var due = nextDueAt is { } at ? Math.Max(0, at.ToUnixTimeSeconds()).ToString("D10", CultureInfo.InvariantCulture) : NoDeadline;
        return string.Concat(stage.IsOpen() ? "0" : "1", RankOf(urgency).ToString(CultureInfo.InvariantCulture), due, number);
    }

    public static int RankOf(Urgency urgency) => urgency switch
    {
        Urgency.Critical => 0,
        Urgency.Urgent => 1,
        _ => 2,
    };
}
