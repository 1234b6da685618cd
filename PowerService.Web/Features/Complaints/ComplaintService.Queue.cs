using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Domain.Reports;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Complaints;

/// <summary>
/// The 工作台 queue at a utility's volume. Every page is read along the stored queue key
/// (<see cref="QueueOrder"/>): the open/ended flag, urgency and deadline are stretches of that key,
/// so each stretch is one index range read in the queue's order, a page stops after its rows, and
/// the count stops at the limit. Stretches, and the parts of a person's scope, are read one by one
/// and merged here rather than ORed in one statement, because a database that gets ORed ranges
/// reads every match of each and sorts them all.
/// </summary>
public sealed partial class ComplaintService
{
    public async Task<QueueResult> QueueAsync(QueueQuery query, StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policy = PrivacyPolicy.For(user.Roles);
        var term = query.Search?.Trim() is { Length: > 0 } search ? policy.Search(search) : null;
        var ranges = KeyRanges(query);
        var parts = Branches(db.Complaints.AsNoTracking(), query.Scope, user)
            .Select(branch => Filtered(branch, query))
            .Select(branch => term is null ? branch : Searched(branch, db.Complaints, term))
            .Select(branch => query.Report is null ? branch : Measured(branch, db.ComplaintMeasures, query.Report))
            .SelectMany(branch => ranges.Select(range => Within(branch, range)))
            .ToList();

        // Counting every match of a broad filter at a million complaints is a scan: count up to the
        // limit (cheap along the key) and say "more than" unless the exact figure is asked for.
        var limit = Math.Max(1, query.CountUpTo);
        var total = await CountAsync(parts, query.ExactCount ? null : limit + 1, ct);
        var exact = query.ExactCount || total <= limit;
        var (rows, hasPrevious, hasNext) = await PageAsync(db.Complaints.AsNoTracking(), parts, query.Cursor ?? QueueCursor.First, Math.Clamp(query.PageSize, 1, 200), policy, ct);
        // A masked role's lookup by contact is answered only once it is on the access log.
        if (term is { IsLogged: true } && !await LogContactSearchAsync(user, term, rows, total, ct)) return QueueResult.Empty;
        return new(rows, exact ? total : limit, exact, hasPrevious, hasNext);
    }

    /// <summary>
    /// Whose complaints, as disjoint parts (no complaint in two), each an equality an index can seek
    /// on: what the person owns; what they took first and no longer own; for the whole visible
    /// scope, also the rest of their department. Each part is read along the key and the parts are
    /// merged here, because a database given the OR reads every match of every part and sorts them.
    /// </summary>
    private static List<IQueryable<Complaint>> Branches(IQueryable<Complaint> complaints, QueueScope scope, StaffUser user)
    {
        if (!LoopPermissions.MayViewLiveComplaints(user.Roles)) return [complaints.Where(_ => false)];
        var id = user.Actor.UserId;
        var department = user.Department;
        if (scope == QueueScope.Team) return [complaints.Where(c => c.Department == department)];
        if (scope == QueueScope.All && LoopPermissions.SeesEveryComplaint(user.Roles, user.Workplace)) return [complaints];
        var mine = new List<IQueryable<Complaint>>
        {
            complaints.Where(c => c.Owner.UserId == id),
            complaints.Where(c => c.FirstResponder.UserId == id && c.Owner.UserId != id),
        };
        if (scope == QueueScope.Mine) return mine;
        // The visible scope (InScope): the department, and what is the person's outside it.
        return
        [
            complaints.Where(c => c.Department == department),
            .. mine.Select(part => part.Where(c => c.Department != department)),
        ];
    }

    /// <summary>
    /// A search is driven by its own indexes: the complaints it matches (by id), then the rest of
    /// the filters on those few, so no queue range is read to find them.
    /// </summary>
    private static IQueryable<Complaint> Searched(IQueryable<Complaint> complaints, IQueryable<Complaint> all, SearchTerm term)
    {
        var matches = ComplaintSearch.Matching(all, term).Select(m => m.Id);
        return complaints.Where(c => matches.Contains(c.Id));
    }

    /// <summary>
    /// A report's filter, the same way: the complaints whose measures it selects (by id), so the list
    /// behind a number is the complaints the number counted — within the scope's part it narrows.
    /// </summary>
    private static IQueryable<Complaint> Measured(IQueryable<Complaint> complaints, IQueryable<ComplaintMeasure> measures, ReportFilter filter)
    {
        var ids = filter.Apply(measures).Select(m => m.ComplaintId);
        return complaints.Where(c => ids.Contains(c.Id));
    }

    /// <summary>The filters that are not stretches of the queue key.</summary>
    private IQueryable<Complaint> Filtered(IQueryable<Complaint> complaints, QueueQuery query)
    {
        if (query.Stage is { } stage) complaints = complaints.Where(c => c.Stage == stage);
        if (query.Category is { } category) complaints = complaints.Where(c => c.Category == category);
        if (query.Channel is { } channel) complaints = complaints.Where(c => c.Channel == channel);
        if (!string.IsNullOrWhiteSpace(query.Department)) complaints = complaints.Where(c => c.Department == query.Department);
        var now = time.GetUtcNow();
        // The key holds deadlines to the second; the exact instant is checked here.
        complaints = query.Due switch
        {
            DueFilter.Overdue => complaints.Where(c => c.NextDueAt != null && c.NextDueAt < now),
            DueFilter.DueSoon => complaints.Where(c => c.NextDueAt != null && c.NextDueAt >= now && c.NextDueAt < now.AddHours(24)),
            DueFilter.SecondRevisitDue => complaints.Where(c => c.SecondRevisitOpensAt != null && c.SecondRevisitOpensAt <= now),
            _ => complaints,
        };
        return complaints;
    }

    /// <summary>Open only (unless ended ones are asked for or the stage is an end), one urgency, a deadline window: as stretches of the key.</summary>
    private IReadOnlyList<KeyRange> KeyRanges(QueueQuery query)
    {
        var includeEnded = query.Stage is { } stage ? !stage.IsOpen() : query.IncludeEnded;
        var now = time.GetUtcNow();
        (DateTimeOffset?, DateTimeOffset)? window = query.Due switch
        {
            DueFilter.Overdue => (null, now),
            DueFilter.DueSoon => (now, now.AddHours(24)),
            _ => null,
        };
        var ranges = QueueOrder.Ranges(query.Urgency, includeEnded, window);
        // A closed stage asked for: its keys are the ended ones only.
        return query.Stage is { } s && !s.IsOpen() ? [.. ranges.Where(r => r.From.StartsWith('1'))] : ranges;
    }

    private static IQueryable<Complaint> Within(IQueryable<Complaint> complaints, KeyRange range) =>
        complaints.Where(c => string.Compare(c.QueueKey, range.From) >= 0 && string.Compare(c.QueueKey, range.To) < 0);

    /// <summary>Matches in all parts (disjoint), stopping at <paramref name="upTo"/> when given.</summary>
    private static async Task<int> CountAsync(List<IQueryable<Complaint>> parts, int? upTo, CancellationToken ct)
    {
        var total = 0;
        foreach (var part in parts)
        {
            if (upTo is { } cap && total >= cap) break;
            // In the queue's order, so the count reads the index the page does, and stops at the cap.
            total += upTo is { } limit ? await part.OrderBy(c => c.QueueKey).Take(limit - total).CountAsync(ct) : await part.CountAsync(ct);
        }
        return total;
    }

    /// <summary>
    /// One page by seeking along the queue key from the cursor (backwards for "before" and the last
    /// page): each part gives the keys of its first rows that way — from its index alone, since the
    /// indexes carry every filter column, so rows that do not match are never fetched — and the page
    /// is the first of those keys, plus one more to learn whether the queue goes on. Then only those
    /// rows are read, and only the columns the table shows.
    /// </summary>
    private static async Task<(List<QueueRow> Rows, bool HasPrevious, bool HasNext)> PageAsync(
        IQueryable<Complaint> all, List<IQueryable<Complaint>> parts, QueueCursor cursor, int size, PrivacyPolicy policy, CancellationToken ct)
    {
        var backwards = cursor.Before is not null || cursor.Last;
        var keys = new List<string>();
        foreach (var part in parts)
        {
            var ordered = cursor switch
            {
                { After: { } after } => part.Where(c => string.Compare(c.QueueKey, after) > 0).OrderBy(c => c.QueueKey),
                { Before: { } before } => part.Where(c => string.Compare(c.QueueKey, before) < 0).OrderByDescending(c => c.QueueKey),
                { Last: true } => part.OrderByDescending(c => c.QueueKey),
                _ => part.OrderBy(c => c.QueueKey),
            };
            keys.AddRange(await ordered.Take(size + 1).Select(c => c.QueueKey).ToListAsync(ct));
        }
        keys = [.. (backwards ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal)).Take(size + 1)];
        var read = (await all.Where(c => keys.Contains(c.QueueKey))
                .Select(c => new Listed(c.QueueKey, c.Number, c.Stage, c.Channel, c.Category, c.SubCategory, c.Urgency, c.Customer.Name, c.Customer.Phone,
                    c.Owner.DisplayName, c.Department, c.RegisteredAt, c.NextDueAt, c.Escalation, EF.Property<List<SlaClock>>(c, "_clocks")))
                .ToListAsync(ct))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (backwards) read.Reverse();
        var more = read.Count > size;
        if (more) read.RemoveAt(size);
        if (backwards) read.Reverse();
        // Lists carry the phone masked for everyone (the full number is on the customer card, on request) and the name as the policy says.
        var rows = read.Select(c => new QueueRow(c.Key, c.Number, c.Stage, c.Channel, c.Category, c.SubCategory, c.Urgency,
            policy.ListedName(c.Name), Masking.Phone(c.Phone), c.OwnerName, c.Department, c.RegisteredAt, c.NextDueAt, c.Escalation,
            c.Clocks.Where(k => k.IsRunning).MinBy(k => k.DueAt))).ToList();
        return backwards
            ? (rows, more, cursor.Before is not null)
            : (rows, cursor.After is not null, more);
    }

    /// <summary>A queue row as read, before the privacy policy is applied; the clocks only to find the one due first.</summary>
    private sealed record Listed(string Key, string Number, Stage Stage, Channel Channel, Category Category, string SubCategory, Urgency Urgency,
        string Name, string Phone, string OwnerName, string Department, DateTimeOffset RegisteredAt, DateTimeOffset? NextDueAt, EscalationLevel Escalation,
        List<SlaClock> Clocks);
}
