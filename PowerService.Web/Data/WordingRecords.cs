using PowerService.Domain.Wording;

namespace PowerService.Web.Data;

/// <summary>A forbidden phrase of the dictionary as an admin keeps it; a removed phrase is disabled, so its past hits still name it.</summary>
public sealed class WordingPhraseRecord
{
    public int Id { get; set; }
    public string Phrase { get; set; } = "";
    public string Better { get; set; } = "";
    public string Situation { get; set; } = "";
    public bool Blocks { get; set; } = true;
    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Counts every change: two admins editing one phrase are told apart.</summary>
    public int Revision { get; set; }

    public ForbiddenPhrase ToPhrase() => new(Phrase, Better, Situation, Blocks);
}

/// <summary>
/// A forbidden phrase saved in something a customer or the regulator reads: who wrote it, in which
/// department and complaint, in which field. Counted per department and person in the managers' reports.
/// </summary>
public sealed class WordingHitRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Department { get; set; } = "";
    public string? ComplaintNumber { get; set; }
    public string Field { get; set; } = "";
    public string Phrase { get; set; } = "";
}
