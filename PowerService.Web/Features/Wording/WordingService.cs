using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Wording;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Wording;

/// <summary>
/// The service wording dictionary as the app uses it: checked as people type (so held in memory and
/// read again at most every <see cref="Refresh"/>, or at once after an edit on this instance), and
/// the hits saved in customer-facing text recorded for the reports.
/// </summary>
public sealed partial class WordingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Another instance's edit reaches this one within this time.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private IReadOnlyList<ForbiddenPhrase>? _phrases;
    private DateTimeOffset _loadedAt;

    /// <summary>The enabled phrases.</summary>
    public async Task<IReadOnlyList<ForbiddenPhrase>> PhrasesAsync(CancellationToken ct = default)
    {
        if (_phrases is { } cached && time.GetUtcNow() - _loadedAt < Refresh) return cached;
        await _loading.WaitAsync(ct);
        try
        {
            if (_phrases is { } fresh && time.GetUtcNow() - _loadedAt < Refresh) return fresh;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var records = await db.WordingPhrases.AsNoTracking().Where(p => p.Enabled).ToListAsync(ct);
            (_phrases, _loadedAt) = (records.Select(r => r.ToPhrase()).ToList(), time.GetUtcNow());
            return _phrases;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached dictionary: the next check reads the edit just saved.</summary>
    public void Invalidate() => _phrases = null;

    public async Task<IReadOnlyList<WordingHit>> CheckAsync(string? text, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(text) ? [] : WordingCheck.Find(text, await PhrasesAsync(ct));

    /// <summary>The hits of texts newly saved by a person, for the caller to store in the same save.</summary>
    public async Task<IReadOnlyList<WordingHitRecord>> HitsAsync(IEnumerable<(string Field, string? Text)> texts, Shared.StaffUser by, string? complaintNumber, CancellationToken ct = default)
    {
        var phrases = await PhrasesAsync(ct);
        var at = time.GetUtcNow();
        return [.. texts.SelectMany(t => WordingCheck.Find(t.Text, phrases).Select(h => new WordingHitRecord
        {
            At = at, UserId = by.Actor.UserId, UserName = by.Actor.DisplayName, Department = by.Department,
            ComplaintNumber = complaintNumber, Field = t.Field, Phrase = h.Phrase.Phrase,
        }))];
    }
}
