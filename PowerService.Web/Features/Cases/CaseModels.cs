using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Features.Cases;

/// <summary>A closed complaint a trainer may turn into a case, described only in de-identified words.</summary>
public sealed record CaseCandidate(int ComplaintId, string Number, Category Category, string SubCategory, Channel Channel, DateOnly ClosedOn, string Excerpt);

/// <summary>A case in a list: the library, the review queue, a trainer's own.</summary>
public sealed record CaseSummary(int Id, string Title, Category Category, string SubCategory, Channel Channel, CaseOutcome Outcome, int Year,
    CaseStatus Status, int? Version, string Editor, DateTimeOffset UpdatedAt, IReadOnlyList<string> Tags)
{
    /// <summary>Words around the first search hit, when the list answers a search.</summary>
    public string? Snippet { get; init; }
}

/// <summary>
/// A case as one person may open it: the content they may read (the working copy for its editor,
/// trainers and reviewers; the published version for everyone else), and what they may do.
/// </summary>
public sealed record CaseView(TrainingCase Case, CaseContent Shown, int? ShownVersion, bool ShowsWorkingCopy, IReadOnlyList<CaseTrigger> Actions);

/// <summary>The outcome of an action on a case; a conflict means someone else changed it first.</summary>
public sealed record CaseOutcomeResult(PowerService.Domain.Complaints.StepResult Result, bool Conflict = false, int? CaseId = null)
{
    public bool Succeeded => Result.Succeeded;
}

/// <summary>What the library is asked: words and filters.</summary>
public sealed record CaseQuery(string? Text = null, Category? Category = null, string? SubCategory = null, Channel? Channel = null,
    CaseOutcome? Outcome = null, string? Tag = null, int? Year = null);
