using Microsoft.EntityFrameworkCore;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Cases;

/// <summary>A case the search matched and how well (lower is better, on both databases).</summary>
public sealed record CaseHit(int Id, double Score);

/// <summary>
/// Keyword search of the case library over Chinese text, as an index lookup on either database.
/// Every word must match. A word of three characters or more is found through trigrams (SQLite FTS5
/// trigram, PostgreSQL pg_trgm); a shorter one — 电费, 停 — as one token of an index of single
/// characters and adjacent pairs (migration CaseSearch). Relevance: bm25 on SQLite; on PostgreSQL how
/// often the words occur.
/// </summary>
public static class CaseSearch
{
    /// <summary>Trigram indexes find words of at least this many characters.</summary>
    public const int TrigramLength = 3;

    public const int MaxTerms = 8;

    /// <summary>The words of a query: split on spaces, without duplicates or words with nothing to find.</summary>
    public static IReadOnlyList<string> Terms(string? text) =>
        [.. (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim()).Where(t => t.Any(char.IsLetterOrDigit)).Distinct().Take(MaxTerms)];

    /// <summary>The listed cases every term matches, with their scores; a query the caller composes with filters and paging.</summary>
    /// <param name="ranked">False: every score 0, for counting and listing by date (PostgreSQL then reads no text).</param>
    public static IQueryable<CaseHit> Hits(AppDbContext db, IReadOnlyList<string> terms, bool ranked = true)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        return db.Database.IsSqlite() ? SqliteHits(db, terms) : PostgresHits(db, terms, ranked);
    }

    private static IQueryable<CaseHit> SqliteHits(AppDbContext db, IReadOnlyList<string> terms)
    {
        var longTerms = terms.Where(t => t.Length >= TrigramLength).ToList();
        var shortTerms = terms.Where(t => t.Length < TrigramLength).ToList();
        const string Trigrams = """SELECT rowid AS "Id", rank AS "Score" FROM "CaseSearch" WHERE "CaseSearch" MATCH {0}""";
        const string Chars = """SELECT rowid AS "Id", rank AS "Score" FROM "CaseSearchChars" WHERE "CaseSearchChars" MATCH {1}""";
        var trigramQuery = string.Join(' ', longTerms.Select(Phrase));
        var charQuery = string.Join(' ', shortTerms.Select(Phrase)); // each a single token of the grams table
        var sql = (longTerms.Count, shortTerms.Count) switch
        {
            (> 0, 0) => Trigrams,
            (0, > 0) => Chars.Replace("{1}", "{0}"),
            _ => $"""SELECT t."Id", t."Score" + c."Score" AS "Score" FROM ({Trigrams}) t JOIN ({Chars}) c ON c."Id" = t."Id" """,
        };
        object[] parameters = (longTerms.Count, shortTerms.Count) switch
        {
            (> 0, 0) => [trigramQuery],
            (0, > 0) => [charQuery],
            _ => [trigramQuery, charQuery],
        };
        return db.Database.SqlQueryRaw<CaseHit>(sql, parameters);
    }

    /// <summary>An FTS5 phrase: the user's text quoted, its quotes doubled, so no character of it is query syntax.</summary>
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";

    private static IQueryable<CaseHit> PostgresHits(AppDbContext db, IReadOnlyList<string> terms, bool ranked)
    {
        // A one- or two-character word is one token of the generated "SearchGrams" (GIN); a longer one is
        // found by ILIKE over "SearchText" (pg_trgm GIN). Relevance: how often the words occur, counted in
        // the text itself — ts_rank would read every matching row's whole vector.
        var parameters = new List<object>();
        var conditions = new List<string>();
        var occurrences = new List<string>();
        foreach (var term in terms)
        {
            parameters.Add(term.ToLowerInvariant());
            var word = "{" + (parameters.Count - 1) + "}";
            occurrences.Add("(length(\"SearchText\") - length(replace(lower(\"SearchText\"), " + word + ", ''))) / length(" + word + ")");
            if (term.Length < TrigramLength)
            {
                conditions.Add("\"SearchGrams\" @@ to_tsquery('simple', quote_literal(" + word + "))");
                continue;
            }
            parameters.Add("%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
            conditions.Add("\"SearchText\" ILIKE {" + (parameters.Count - 1) + "}");
        }
        var score = ranked ? $"-({string.Join(" + ", occurrences)})::float8" : "0::float8";
        var sql = $"""SELECT "Id", {score} AS "Score" FROM "TrainingCases" WHERE {string.Join(" AND ", conditions)}""";
        return db.Database.SqlQueryRaw<CaseHit>(sql, [.. parameters]);
    }
}
