using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PowerService.Domain.Cases;

namespace PowerService.Web.Data;

/// <summary>
/// Keeps SQLite's two full-text tables of the case library (migration CaseSearch) in step with each
/// case's <see cref="TrainingCase.SearchText"/>, in the same transaction as the save that changed it.
/// Written by the app, not by triggers: the short-word table needs the text cut into characters and
/// pairs (<see cref="Grams"/>), which SQLite's SQL cannot do in a trigger, and EF Core's table
/// rebuilds would drop triggers silently.
/// PostgreSQL keeps its own (a generated column and indexes), so this does nothing there.
/// </summary>
internal static class CaseSearchIndex
{
    /// <summary>The cases whose searchable text this save changes.</summary>
    public static List<(EntityEntry<TrainingCase> Entry, bool Deleted)> Pending(AppDbContext db) =>
        !db.Database.IsSqlite() ? [] :
        [.. db.ChangeTracker.Entries<TrainingCase>().Where(e => e.State switch
        {
            EntityState.Added => e.Entity.SearchText.Length > 0,
            EntityState.Modified => e.Property(c => c.SearchText).IsModified,
            EntityState.Deleted => true,
            _ => false,
        }).Select(e => (e, e.State == EntityState.Deleted))];

    /// <summary>Replaces the indexed text of each changed case (after the save, so new cases have their ids).</summary>
    public static async Task WriteAsync(AppDbContext db, IEnumerable<(int Id, string Text)> cases, CancellationToken ct)
    {
        foreach (var (id, text) in cases)
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "CaseSearch" WHERE rowid = {id}""", ct);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "CaseSearchChars" WHERE rowid = {id}""", ct);
            if (text.Length == 0) continue;
            var spaced = Grams(text);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "CaseSearch" (rowid, "Text") VALUES ({id}, {text})""", ct);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "CaseSearchChars" (rowid, "Text") VALUES ({id}, {spaced})""", ct);
        }
    }

    /// <summary>What to write for each pending entry once saved (new cases have their ids by then); a deleted case leaves the index.</summary>
    public static List<(int Id, string Text)> Snapshot(List<(EntityEntry<TrainingCase> Entry, bool Deleted)> pending) =>
        [.. pending.Select(p => (p.Entry.Entity.Id, p.Deleted ? "" : p.Entry.Entity.SearchText))];

    /// <summary>
    /// Every letter or digit, and every pair of adjacent ones, as a token: "停电费" → "停 电 费 停电 电费".
    /// A one- or two-character word is then one token to look up, not a phrase to assemble from the
    /// postings of single characters as common as 电.
    /// </summary>
    public static string Grams(string text)
    {
        var grams = new StringBuilder(text.Length * 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetterOrDigit(text[i])) continue;
            grams.Append(text[i]).Append(' ');
            if (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) grams.Append(text, i, 2).Append(' ');
        }
        return grams.ToString();
    }
}
