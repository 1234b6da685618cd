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
        var key = chinaDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var day = await db.ComplaintNumberDays.SingleOrDefaultAsync(d => d.Day == key, ct);
        if (day is null)
        {
            // A day begun before the row existed (an upgrade mid-day) continues from its complaints, all four-digit then.
            var prefix = ComplaintNumber.DayPrefix(chinaDate);
            var last = await db.Complaints.Where(c => c.Number.StartsWith(prefix)).OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
            day = new ComplaintNumberDay { Day = key, Last = last is null ? 0 : ComplaintNumber.SequenceOf(last) };
            db.ComplaintNumberDays.Add(day);
        }
        if (day.Last + count > ComplaintNumber.MaxPerDay) return null;
        var numbers = Enumerable.Range(day.Last + 1, count).Select(s => ComplaintNumber.For(chinaDate, s)).ToList();
        day.Last += count;
        return numbers;
    }
}
