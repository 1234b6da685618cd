using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Features.Cases;

/// <summary>A published case shown beside a live complaint, with its lessons.</summary>
public sealed record SimilarCase(int Id, string Title, CaseOutcome Outcome, string SubCategory, string LessonsWorked, string LessonsFailed, double Score);

public sealed partial class CaseService
{
    /// <summary>How many recent published cases of the complaint's sub-category, and of its category, are compared.</summary>
    public const int Candidates = 150;

    /// <summary>
    /// The published cases most like a live complaint: compared on the server (the complaint's text goes
    /// nowhere), among the most recent cases of its sub-category and its category.
    /// </summary>
    public async Task<IReadOnlyList<SimilarCase>> SimilarAsync(Complaint complaint, Shared.StaffUser user, int count = 3, CancellationToken ct = default)
    {
        if (!MayReadLibrary(user) || !complaint.Stage.IsOpen()) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var listed = db.TrainingCases.AsNoTracking().Where(c => c.Listed && c.Category == complaint.Category);
        var sameSub = listed.Where(c => c.SubCategory == complaint.SubCategory).OrderByDescending(c => c.UpdatedAt).Take(Candidates);
        var sameCategory = listed.OrderByDescending(c => c.UpdatedAt).Take(Candidates);
        var subjects = (await sameSub.Select(c => new CaseSubject(c.Id, c.Category, c.SubCategory, c.SearchText)).ToListAsync(ct))
            .Concat(await sameCategory.Select(c => new CaseSubject(c.Id, c.Category, c.SubCategory, c.SearchText)).ToListAsync(ct))
            .DistinctBy(s => s.Id);
        var best = CaseSimilarity.MostSimilar(complaint, subjects, count);
        if (best.Count == 0) return [];
        var ids = best.Select(b => b.Subject.Id).ToList();
        var cases = await db.TrainingCases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return [.. best.Where(b => cases.ContainsKey(b.Subject.Id)).Select(b =>
        {
            var content = cases[b.Subject.Id].Published!.Content;
            var c = cases[b.Subject.Id];
            return new SimilarCase(c.Id, content.Title, c.Outcome, c.SubCategory, content.LessonsWorked, content.LessonsFailed, b.Score);
        })];
    }
}
