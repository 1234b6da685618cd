using PowerService.Domain.Complaints;

namespace PowerService.Domain.Cases;

/// <summary>
/// How alike a live complaint and a published case are (docs/domain.md §9: recommend similar past
/// cases to the person handling a complaint): the same sub-category and category count, and the
/// overlap of their texts' character pairs — Chinese has no spaces, and two characters are the
/// shortest unit that still carries a word's meaning (停电, 电费, 抢修).
/// </summary>
public static class CaseSimilarity
{
    public const double SameSubCategory = 0.3, SameCategory = 0.1;

    /// <summary>Below this a case is not shown as similar, however few there are.</summary>
    public const double Threshold = 0.15;

    /// <summary>A score from 0 (nothing in common) to 1.4 (same sub-category, same words).</summary>
    public static double Score(Complaint complaint, CaseSubject subject) =>
        (complaint.Category == subject.Category ? SameCategory : 0)
        + (complaint.Category == subject.Category && complaint.SubCategory == subject.SubCategory ? SameSubCategory : 0)
        + Dice(Bigrams($"{complaint.Content}\n{complaint.Demands}"), Bigrams(subject.Text));

    /// <summary>The best few subjects above the threshold, best first.</summary>
    public static IReadOnlyList<(CaseSubject Subject, double Score)> MostSimilar(Complaint complaint, IEnumerable<CaseSubject> subjects, int count = 3) =>
        [.. subjects.Select(s => (Subject: s, Score: Score(complaint, s))).Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Subject.Id).Take(count)];

    /// <summary>The distinct pairs of adjacent letters or digits (punctuation and spaces break pairs).</summary>
    public static HashSet<string> Bigrams(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i + 1])) pairs.Add(text.Substring(i, 2));
        return pairs;
    }

    /// <summary>Sørensen–Dice: twice the shared pairs over all pairs, 0 to 1.</summary>
    public static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);
}

/// <summary>What of a published case similarity is judged on: its facets and the text of its title and background.</summary>
public sealed record CaseSubject(int Id, Category Category, string SubCategory, string Text);
