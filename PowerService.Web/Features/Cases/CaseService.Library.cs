using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Cases;

namespace PowerService.Web.Features.Cases;

public sealed partial class CaseService
{
    /// <summary>Published cases matching the words (every word) and the filters, the newest first.</summary>
    public async Task<IReadOnlyList<CaseSummary>> LibraryAsync(CaseQuery query, Shared.StaffUser user, int take = 50, CancellationToken ct = default)
    {
        if (!MayReadLibrary(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.TrainingCases.AsNoTracking().Where(c => c.Listed);
        if (query.Category is { } category) cases = cases.Where(c => c.Category == category);
        if (!string.IsNullOrWhiteSpace(query.SubCategory)) cases = cases.Where(c => c.SubCategory == query.SubCategory);
        if (query.Channel is { } channel) cases = cases.Where(c => c.Channel == channel);
        if (query.Outcome is { } outcome) cases = cases.Where(c => c.Outcome == outcome);
        if (query.Year is { } year) cases = cases.Where(c => c.Year == year);
        foreach (var word in (query.Text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8))
            cases = cases.Where(c => c.SearchText.Contains(word));
        var found = await cases.OrderByDescending(c => c.UpdatedAt).Take(take * 4).ToListAsync(ct);
        return found.Where(c => string.IsNullOrWhiteSpace(query.Tag) || c.Published!.Content.Tags.Contains(query.Tag.Trim()))
            .Take(take).Select(Summary).ToList();
    }
}
