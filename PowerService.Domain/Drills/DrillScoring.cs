using PowerService.Domain.Wording;

namespace PowerService.Domain.Drills;

/// <summary>How a reply to a card scored: out of 100, each checklist item met or not, and the forbidden phrases it used.</summary>
public sealed record DrillScore(int Score, IReadOnlyList<bool> ItemsMet, IReadOnlyList<string> Forbidden, IReadOnlyList<string> Hinted);

/// <summary>
/// Scores a reply automatically: the checklist's weights met, as a share of 100, less
/// <see cref="BlockingPenalty"/> points for each forbidden phrase and <see cref="HintPenalty"/> for each
/// marked one (the same dictionary and matching as the live check). A trainer may review the score.
/// </summary>
public static class DrillScoring
{
    public const int BlockingPenalty = 20, HintPenalty = 5;

    public static DrillScore Score(CardContent card, string reply, IEnumerable<ForbiddenPhrase> phrases)
    {
        var text = WordingCheck.Normalise(reply).Text;
        var met = card.Checklist.Select(item => item.Keywords.Any(k => WordingCheck.Normalise(k).Text is { Length: > 0 } key && text.Contains(key, StringComparison.Ordinal))).ToList();
        var hits = WordingCheck.Find(reply, phrases);
        var blocking = hits.Where(h => h.Phrase.Blocks).Select(h => h.Phrase.Phrase).Distinct().ToList();
        var hinted = hits.Where(h => !h.Phrase.Blocks).Select(h => h.Phrase.Phrase).Distinct().ToList();
        var total = card.Checklist.Sum(i => i.Weight);
        var earned = card.Checklist.Where((_, i) => met[i]).Sum(i => i.Weight);
        var score = total == 0 ? 0 : (int)Math.Round(100.0 * earned / total, MidpointRounding.AwayFromZero);
        return new DrillScore(Math.Clamp(score - BlockingPenalty * blocking.Count - HintPenalty * hinted.Count, 0, 100), met, blocking, hinted);
    }
}
