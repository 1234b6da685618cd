using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>
/// The customer's most recent complaint of the last 30 days (by phone or 户号), which makes a new one a
/// repeat (docs/domain.md §4). Loaded for a whole batch in a few queries, and told of each complaint the
/// batch registers, so the second of a customer's two work orders in one file is a repeat too.
/// </summary>
public sealed class RepeatFinder
{
    public const int WindowDays = 30;

    private readonly Dictionary<string, (string Number, DateTimeOffset At)> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Number, DateTimeOffset At)> _byAccount = new(StringComparer.Ordinal);

    public static async Task<RepeatFinder> LoadAsync(AppDbContext db, IEnumerable<ComplaintIntake> intakes, DateTimeOffset now, CancellationToken ct)
    {
        var finder = new RepeatFinder();
        var list = intakes.ToList();
        var since = now.AddDays(-WindowDays);
        var phones = list.Select(i => i.Phone?.Trim()).OfType<string>().Where(p => p.Length > 0).Distinct().ToList();
        var accounts = list.Select(i => i.AccountNumber?.Trim()).OfType<string>().Where(a => a.Length > 0).Distinct().ToList();
        foreach (var chunk in phones.Chunk(500))
            foreach (var c in await db.Complaints.AsNoTracking().Where(c => chunk.Contains(c.Customer.Phone) && c.RegisteredAt >= since)
                         .Select(c => new { c.Customer.Phone, c.Number, c.RegisteredAt }).ToListAsync(ct))
                finder.Note(finder._byPhone, c.Phone, c.Number, c.RegisteredAt);
        foreach (var chunk in accounts.Chunk(500))
            foreach (var c in await db.Complaints.AsNoTracking().Where(c => chunk.Contains(c.Customer.AccountNumber!) && c.RegisteredAt >= since)
                         .Select(c => new { c.Customer.AccountNumber, c.Number, c.RegisteredAt }).ToListAsync(ct))
                finder.Note(finder._byAccount, c.AccountNumber!, c.Number, c.RegisteredAt);
        return finder;
    }

    /// <summary>The number of the customer's latest complaint in the window, or null.</summary>
    public string? EarlierOf(ComplaintIntake intake)
    {
        var byPhone = intake.Phone?.Trim() is { Length: > 0 } phone && _byPhone.TryGetValue(phone, out var p) ? p : default;
        var byAccount = intake.AccountNumber?.Trim() is { Length: > 0 } account && _byAccount.TryGetValue(account, out var a) ? a : default;
        return (byPhone.Number, byAccount.Number) switch
        {
            (null, null) => null,
            (null, _) => byAccount.Number,
            (_, null) => byPhone.Number,
            _ => byPhone.At >= byAccount.At ? byPhone.Number : byAccount.Number,
        };
    }

    /// <summary>A complaint just registered in the same batch (it is the latest, whatever the stored ones).</summary>
    public void Add(ComplaintIntake intake, string number)
    {
        if (intake.Phone?.Trim() is { Length: > 0 } phone) _byPhone[phone] = (number, DateTimeOffset.MaxValue);
        if (intake.AccountNumber?.Trim() is { Length: > 0 } account) _byAccount[account] = (number, DateTimeOffset.MaxValue);
    }

    private void Note(Dictionary<string, (string Number, DateTimeOffset At)> index, string key, string number, DateTimeOffset at)
    {
        if (!index.TryGetValue(key, out var known) || known.At < at) index[key] = (number, at);
    }
}
