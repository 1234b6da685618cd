using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Domain.Privacy;

/// <summary>
/// How long a complaint keeps its customer's personal data after it ended (closed, merged, withdrawn
/// or reclassified). Records are kept at least 2 years (公司投诉处理办法 "记录保存要求", docs/domain.md §8);
/// afterwards 个人信息保护法 asks for the minimum necessary, so the customer's data is anonymised while
/// the record and its statistics stay. Open complaints are never due.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>The shortest retention the company's rules allow.</summary>
    public const int MinimumYears = 2;

    /// <summary>The longest that can be configured: beyond this the setting is a typo, not a policy.</summary>
    public const int MaximumYears = 30;

    private RetentionPolicy(int years) => Years = years;

    public int Years { get; }

    /// <summary>A policy of <paramref name="years"/>, or the Chinese reason it cannot be one.</summary>
    public static StepResult<RetentionPolicy> Of(int years) => years switch
    {
        < MinimumYears => new(null, StepResult.Refused($"保留期限不能少于 {MinimumYears} 年（投诉记录至少保存 2 年），当前设置为 {years} 年")),
        > MaximumYears => new(null, StepResult.Refused($"保留期限不能超过 {MaximumYears} 年，当前设置为 {years} 年")),
        _ => new(new RetentionPolicy(years), StepResult.Success),
    };

    /// <summary>Complaints that ended at or before this instant are due at <paramref name="now"/>.</summary>
    public DateTimeOffset Cutoff(DateTimeOffset now) => now.ToUniversalTime().AddYears(-Years);

    public bool IsDue(Complaint complaint, DateTimeOffset now) =>
        !complaint.IsAnonymised && complaint.EndedAt is { } ended && ended <= Cutoff(now);

    /// <summary>As recorded on the timeline and in the run history.</summary>
    public string Describe(DateTimeOffset now) => $"保留期限 {Years} 年（办结于 {ChinaTime.Format(Cutoff(now))} 及以前的投诉）";
}
