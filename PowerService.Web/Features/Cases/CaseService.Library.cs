using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Cases;

namespace PowerService.Web.Features.Cases;

/// <summary>The library's answer: a page of cases, best first (or newest first, <see cref="ByRelevance"/>), and how many match in all.</summary>
public sealed record CaseResults(IReadOnlyList<CaseSummary> Cases, int Total, IReadOnlyList<string> Terms, bool ByRelevance = true)
{
    /// <summary>The count stopped at <see cref="CaseService.RankLimit"/>: "more than" that many match.</summary>
    public bool TotalIsMore { get; init; }
}

public sealed partial class CaseService
{
    /// <summary>On PostgreSQL, searches matching more cases than this list the newest matches instead of ranking them all.</summary>
    public const int RankLimit = 2_000;

    /// <summary>Published cases matching every word and the filters: by relevance when words are given, else the newest first.</summary>
    public async Task<CaseResults> LibraryAsync(CaseQuery query, Shared.StaffUser user, int take = 50, CancellationToken ct = default)
    {
        if (!MayReadLibrary(user)) return new([], 0, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.TrainingCases.AsNoTracking().Where(c => c.Listed);
        if (query.Category is { } category) cases = cases.Where(c => c.Category == category);
        if (!string.IsNullOrWhiteSpace(query.SubCategory)) cases = cases.Where(c => c.SubCategory == query.SubCategory);
        if (query.Channel is { } channel) cases = cases.Where(c => c.Channel == channel);
        if (query.Outcome is { } outcome) cases = cases.Where(c => c.Outcome == outcome);
        if (query.Year is { } year) cases = cases.Where(c => c.Year == year);
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = $"|{query.Tag.Trim()}|";
            cases = cases.Where(c => c.TagList.Contains(tag));
        }
        var terms = CaseSearch.Terms(query.Text);
        if (terms.Count == 0 && !string.IsNullOrWhiteSpace(query.Text)) return new([], 0, []); // only symbols typed: nothing to find
        if (terms.Count == 0)
        {
            var total = await cases.CountAsync(ct);
            var newest = await cases.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);
            return new(newest.Select(Summary).ToList(), total, terms);
        }
        if (!db.Database.IsSqlite()) return await PostgresSearchAsync(db, query, terms, take, ct);
        var hits = CaseSearch.SqliteHits(db, terms);
        if (query == new CaseQuery(query.Text))
        {
            // Words only: the full-text index holds exactly the listed cases, so it answers the count
            // and the best page by itself (FTS5 ranks with a bounded heap), and only that page is read.
            var total = await hits.CountAsync(ct);
            var top = await hits.OrderBy(h => h.Score).Take(take).ToListAsync(ct);
            var ids = top.Select(h => h.Id).ToList();
            var page = await db.TrainingCases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Listed).ToDictionaryAsync(c => c.Id, ct);
            return new([.. top.Where(h => page.ContainsKey(h.Id)).Select(h => Summary(page[h.Id]) with { Snippet = Snippet(page[h.Id].SearchText, terms) })], total, terms);
        }
        var matched = from c in cases
                      join h in hits on c.Id equals h.Id
                      select new { Case = c, h.Score };
        var count = await matched.CountAsync(ct);
        var best = await matched.OrderBy(m => m.Score).ThenByDescending(m => m.Case.Id).Take(take).ToListAsync(ct);
        return new(best.Select(m => Summary(m.Case) with { Snippet = Snippet(m.Case.SearchText, terms) }).ToList(), count, terms);
    }

    /// <summary>
    /// PostgreSQL: words and filters in one scan of the cases (<see cref="CaseSearch.PostgresHits"/>),
    /// counted only up to <see cref="RankLimit"/>. Ranking counts the words in each match's text, so it
    /// reads every match: past the limit the search lists the newest matches instead and says so.
    /// Only the page's cases are then read whole.
    /// </summary>
    private static async Task<CaseResults> PostgresSearchAsync(Data.AppDbContext db, CaseQuery query, IReadOnlyList<string> terms, int take, CancellationToken ct)
    {
        // Every condition of a search has an index (pairs GIN, pg_trgm GIN, the filters' B-tree), and a
        // sequential scan reads each case's text or vector, which the planner does not cost (they are
        // TOASTed): it chose one to count 电费 up to the limit at 125 ms, where the index takes 13 ms.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        var some = await CaseSearch.PostgresHits(db, terms, query, ranked: false).Take(RankLimit + 1).CountAsync(ct);
        var broad = some > RankLimit;
        var ids = broad
            ? await CaseSearch.PostgresNewestAsync(db, terms, query, take, ct)
            : (await CaseSearch.PostgresHits(db, terms, query).OrderBy(h => h.Score).ThenByDescending(h => h.Id).Take(take).ToListAsync(ct)).ConvertAll(h => h.Id);
        var page = await db.TrainingCases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Listed).ToDictionaryAsync(c => c.Id, ct);
        var cases = ids.Where(page.ContainsKey).Select(id => Summary(page[id]) with { Snippet = Snippet(page[id].SearchText, terms) }).ToList();
        await transaction.CommitAsync(ct);
        return broad ? new(cases, RankLimit, terms, ByRelevance: false) { TotalIsMore = true } : new(cases, some, terms);
    }

    /// <summary>About 60 characters around the first word found, for the results list.</summary>
    public static string? Snippet(string text, IReadOnlyList<string> terms)
    {
        var at = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0) return null;
        var start = Math.Max(0, at - 20);
        var end = Math.Min(text.Length, at + 40);
        return (start > 0 ? "…" : "") + text[start..end].Replace('\n', ' ') + (end < text.Length ? "…" : "");
    }
}
