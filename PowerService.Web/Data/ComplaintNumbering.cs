using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Data;

/// <summary>
/// The last sequence handed out on a China date. Kept as a row because numbers past 9,999 have five
/// digits, so "the greatest number of the day" is no longer the last one in text order; one row read
/// and written also hands out a whole import's numbers at once.
/// </summary>
public sealed class ComplaintNumberDay
{
    /// <summary>The date as yyyyMMdd.</summary>
    public string Day { get; set; } = "";

    public int Last { get; set; }
}

/// <summary>Allocates complaint numbers; saved with the complaints that take them, so a failed save hands out nothing.</summary>
public static class ComplaintNumbering
{
    /// <summary>
    /// The next <paramref name="count"/> numbers of the day, or null when the day has not that many left.
    /// The row is changed on <paramref name="db"/>; it is stored by the same SaveChanges as the complaints.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> NextAsync(AppDbContext db, DateOnly chinaDate, int count, CancellationToken ct)
    {
        var day = await DayAsync(db, chinaDate, ct);
        if (day.Last + count > ComplaintNumber.MaxPerDay) return null;
        var numbers = For(chinaDate, day.Last + 1, count);
        day.Last += count;
        return numbers;
    }

    /// <summary>The last sequence handed out on the date, as stored now (read only).</summary>
    public static async Task<int> LastAsync(AppDbContext db, DateOnly chinaDate, CancellationToken ct)
    {
        var key = Key(chinaDate);
        return await db.ComplaintNumberDays.AsNoTracking().Where(d => d.Day == key).Select(d => (int?)d.Last).SingleOrDefaultAsync(ct)
            ?? await LastOfComplaintsAsync(db, chinaDate, ct);
    }

    /// <summary>
    /// Takes the <paramref name="count"/> numbers from <paramref name="first"/> on — numbers chosen before
    /// the write began (an import numbers its next batch while the previous one is stored, a few numbers
    /// past it: <see cref="PowerService.Web.Features.WorkOrders.ImportCarry.Spare"/>) — if none of them has
    /// been handed out since: false when one has. Changed on <paramref name="db"/>, as <see cref="NextAsync"/>.
    /// </summary>
    public static async Task<bool> ClaimAsync(AppDbContext db, DateOnly chinaDate, int first, int count, CancellationToken ct)
    {
        var day = await DayAsync(db, chinaDate, ct);
        if (day.Last >= first) return false;
        day.Last = first + count - 1;
        return true;
    }

    /// <summary>The sequences as numbers of the date.</summary>
    public static IReadOnlyList<string> For(DateOnly chinaDate, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(s => ComplaintNumber.For(chinaDate, s))];

    /// <summary>The date's row, tracked on <paramref name="db"/> (added when the day has none yet).</summary>
    private static async Task<ComplaintNumberDay> DayAsync(AppDbContext db, DateOnly chinaDate, CancellationToken ct)
    {
        var key = Key(chinaDate);
        if (await db.ComplaintNumberDays.SingleOrDefaultAsync(d => d.Day == key, ct) is { } day) return day;
        day = new ComplaintNumberDay { Day = key, Last = await LastOfComplaintsAsync(db, chinaDate, ct) };
        db.ComplaintNumberDays.Add(day);
        return day;
    }

    /// <summary>A day begun before the row existed (an upgrade mid-day) continues from its complaints, all four-digit then.</summary>
    private static async Task<int> LastOfComplaintsAsync(AppDbContext db, DateOnly chinaDate, CancellationToken ct)
    {
        var prefix = ComplaintNumber.DayPrefix(chinaDate);
        var last = await db.Complaints.Where(c => c.Number.StartsWith(prefix)).OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
        return last is null ? 0 : ComplaintNumber.SequenceOf(last);
    }

    private static string Key(DateOnly chinaDate) => chinaDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
