using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Privacy;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Privacy;

/// <summary>Which entries of the access log to list: by person (name or account), complaint, China dates, kind; one page.</summary>
public sealed record PiiAccessFilter(string? Person = null, string? Complaint = null, DateOnly? From = null, DateOnly? To = null,
    PiiAccessKind? Kind = null, int Page = 0, int PageSize = 20);

public sealed record PiiAccessPage(IReadOnlyList<PiiAccessEvent> Rows, int Total);

/// <summary>
/// The personal-information access log: written where full customer details are handed out (the
/// customer card opened in full, a document previewed or downloaded, a masked role's exact contact
/// search), read by the 审计员. Writing fails closed: the caller hands nothing out when the entry
/// could not be stored.
/// </summary>
public sealed class PiiAccessLog(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, TimeProvider time, ILogger<PiiAccessLog> log)
{
    public const string NotRecorded = "访问记录未能保存，为保护客户信息未予显示。请稍后重试；如仍失败请联系系统管理员。";

    /// <summary>Stores one entry; false when it could not be stored (the reason is in the operators' log).</summary>
    public Task<bool> RecordAsync(StaffUser who, PiiAccessKind kind, string? complaintNumber, string detail, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var now = time.GetUtcNow();
                db.PiiAccessEvents.Add(new PiiAccessEvent
                {
                    At = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
                    UserId = who.Actor.UserId,
                    UserName = Shorten(who.Actor.DisplayName, 50),
                    Roles = string.Join(",", who.Roles),
                    Kind = kind,
                    ComplaintNumber = complaintNumber,
                    Detail = Shorten(detail, 500),
                });
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                log.LogError(ex, "Recording a personal-information access ({Kind}, {Number}) failed", kind, complaintNumber);
                return false;
            }
        }, ct);

    public async Task<PiiAccessPage> PageAsync(PiiAccessFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.PiiAccessEvents.AsNoTracking();
        if (filter.Person?.Trim() is { Length: > 0 } person)
        {
            var ids = db.Users.Where(u => u.UserName == person).Select(u => u.Id);
            entries = entries.Where(e => e.UserName.Contains(person) || ids.Contains(e.UserId));
        }
        if (filter.Complaint?.Trim().ToUpperInvariant() is { Length: > 0 } number) entries = entries.Where(e => e.ComplaintNumber != null && e.ComplaintNumber.Contains(number));
        if (filter.From is { } from)
        {
            var start = ChinaTime.FromChinaWallClock(from.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
            entries = entries.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = ChinaTime.FromChinaWallClock(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
            entries = entries.Where(e => e.At < end);
        }
        if (filter.Kind is { } kind) entries = entries.Where(e => e.Kind == kind);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, filter.Page) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return new(rows, total);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
