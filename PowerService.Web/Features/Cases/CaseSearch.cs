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

    /// <summary>
    /// SQLite: the listed cases every term matches, with their bm25 scores, from the full-text tables
    /// alone (they hold exactly the listed cases); the caller joins the cases for filters.
    /// </summary>
    public static IQueryable<CaseHit> SqliteHits(AppDbContext db, IReadOnlyList<string> terms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
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

    /// <summary>
    /// PostgreSQL: the listed cases matching every term and the filters, found in one scan of
    /// "TrainingCases", so the planner combines the words' indexes with the filters' index
    /// (BitmapAnd) instead of joining two scans of the same table and testing each filtered case's
    /// text or vector one by one (a word with a category and a year: 122 ms before, about 20 ms).
    /// </summary>
    /// <param name="ranked">False: every score 0, for counting (no text read).</param>
    public static IQueryable<CaseHit> PostgresHits(AppDbContext db, IReadOnlyList<string> terms, CaseQuery filters, bool ranked = true)
    {
        var (where, parameters, score) = PostgresConditions(terms, filters);
        // The SQL text is composed of constants and parameter placeholders only; every value typed is a parameter.
        var sql = $"""SELECT "Id", {(ranked ? score : "0::float8")} AS "Score" FROM "TrainingCases" WHERE {where}""";
        return db.Database.SqlQueryRaw<CaseHit>(sql, [.. parameters]);
    }

    /// <summary>
    /// PostgreSQL: the newest <paramref name="take"/> matches' ids, for a search matching too many cases
    /// to rank. A word of three characters or more would have the trigram index recheck every match's
    /// text before the newest are known (业扩报装 at 100,000 cases: 12,479 texts, 170 ms); so the newest
    /// few hundred candidates are taken from the pairs index first (the word's adjacent pairs, no text
    /// read) and only those are checked for the word itself. Should the candidates hold fewer than a
    /// page of true matches, the exact query answers instead.
    /// </summary>
    public static async Task<List<int>> PostgresNewestAsync(AppDbContext db, IReadOnlyList<string> terms, CaseQuery filters, int take, CancellationToken ct)
    {
        var (where, parameters, _) = PostgresConditions(terms, filters);
        if (terms.Any(t => t.Length >= TrigramLength))
        {
            // The candidates meet the filters and the short words exactly; the long words are then checked in their text.
            var (candidates, candidateParameters, _) = PostgresConditions(terms, filters, pairsOnly: true);
            var words = string.Join(" AND ", terms.Where(t => t.Length >= TrigramLength).Select(t =>
            {
                candidateParameters.Add(LikePattern(t));
                return "t.\"SearchText\" ILIKE {" + (candidateParameters.Count - 1) + "}";
            }));
            var sql = $$"""
                WITH c AS MATERIALIZED (
                    SELECT "Id", "UpdatedAt" FROM "TrainingCases" WHERE {{candidates}}
                    ORDER BY "UpdatedAt" DESC, "Id" DESC LIMIT {{Candidates}})
                SELECT c."Id" AS "Value" FROM c
                WHERE (SELECT {{words}} FROM "TrainingCases" t WHERE t."Id" = c."Id")
                ORDER BY c."UpdatedAt" DESC, c."Id" DESC LIMIT {{take}}
                """;
            var found = await db.Database.SqlQueryRaw<int>(sql, [.. candidateParameters]).ToListAsync(ct);
            if (found.Count >= take) return found;
        }
        parameters.Add(take);
        var newest = $$"""SELECT "Id" AS "Value" FROM "TrainingCases" WHERE {{where}} ORDER BY "UpdatedAt" DESC, "Id" DESC LIMIT {{{parameters.Count - 1}}}""";
        return await db.Database.SqlQueryRaw<int>(newest, [.. parameters]).ToListAsync(ct);
    }

    /// <summary>How many of the newest candidates a long word is checked in, when a search matches too many to rank.</summary>
    private const int Candidates = 500;

    /// <summary>An ILIKE pattern finding the term as typed: its backslashes, % and _ escaped.</summary>
    private static string LikePattern(string term) => "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <param name="pairsOnly">A word of three characters or more as its adjacent pairs in "SearchGrams" (every match and a few
    /// more: the pairs need not be adjacent), not as ILIKE — a superset found without reading any text.</param>
    private static (string Where, List<object> Parameters, string Score) PostgresConditions(IReadOnlyList<string> terms, CaseQuery filters, bool pairsOnly = false)
    {
        // A one- or two-character word is one token of the generated "SearchGrams" (GIN); a longer one is
        // found by ILIKE over "SearchText" (pg_trgm GIN). Relevance: how often the words occur, counted in
        // the text itself — ts_rank would read every matching row's whole vector.
        var parameters = new List<object>();
        var conditions = new List<string> { "\"Listed\"" };
        string Add(object value)
        {
            parameters.Add(value);
            return "{" + (parameters.Count - 1) + "}";
        }
        // The filters as EF Core stores them (enums as their names); a tag is matched whole in "|a|b|".
        if (filters.Category is { } category) conditions.Add("\"Category\" = " + Add(category.ToString()));
        if (!string.IsNullOrWhiteSpace(filters.SubCategory)) conditions.Add("\"SubCategory\" = " + Add(filters.SubCategory));
        if (filters.Channel is { } channel) conditions.Add("\"Channel\" = " + Add(channel.ToString()));
        if (filters.Outcome is { } outcome) conditions.Add("\"Outcome\" = " + Add(outcome.ToString()));
        if (filters.Year is { } year) conditions.Add("\"Year\" = " + Add(year));
        if (!string.IsNullOrWhiteSpace(filters.Tag)) conditions.Add("strpos(\"TagList\", " + Add($"|{filters.Tag.Trim()}|") + ") > 0");
        var occurrences = new List<string>();
        foreach (var term in terms)
        {
            var lower = term.ToLowerInvariant();
            if (pairsOnly && term.Length >= TrigramLength)
            {
                foreach (var pair in Enumerable.Range(0, lower.Length - 1).Where(i => char.IsLetterOrDigit(lower[i]) && char.IsLetterOrDigit(lower[i + 1]))
                             .Select(i => lower.Substring(i, 2)).Distinct())
                    conditions.Add("\"SearchGrams\" @@ to_tsquery('simple', quote_literal(" + Add(pair) + "))");
                continue;
            }
            var word = Add(lower);
            occurrences.Add("(length(\"SearchText\") - length(replace(lower(\"SearchText\"), " + word + ", ''))) / length(" + word + ")");
            if (term.Length < TrigramLength)
            {
                conditions.Add("\"SearchGrams\" @@ to_tsquery('simple', quote_literal(" + word + "))");
                continue;
            }
            conditions.Add("\"SearchText\" ILIKE " + Add(LikePattern(term)));
        }
        return (string.Join(" AND ", conditions), parameters, occurrences.Count == 0 ? "0::float8" : $"-({string.Join(" + ", occurrences)})::float8");
    }
}
