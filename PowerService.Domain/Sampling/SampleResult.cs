using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Sampling;

/// <summary>
/// What a person types for a sampled revisit: how the customer was contacted, whether they were reached,
/// how satisfied they are, whether the problem was really solved, notes, and a problem found — which goes
/// on the follow-up list with an owner and a due date.
/// </summary>
public sealed record SampleResultInput(
    RevisitMethod? Method,
    bool? Reached,
    Satisfaction? Satisfaction,
    bool? Resolved,
    string? Notes,
    bool ProblemFound,
    string? Problem,
    string? Owner,
    DateOnly? DueDate)
{
    public const int MaxNotes = 1000, MaxOwner = 50, MaxProblem = 500, LongestDueDays = 180;

    /// <summary>The rules, as at <paramref name="today"/> (China date): the due date of a follow-up lies ahead.</summary>
    public static IReadOnlyList<FieldRule<SampleResultInput>> Rules(DateOnly today) =>
    [
        new(nameof(Method), r => r.Method is not null, "请选择回访方式"),
        new(nameof(Reached), r => r.Reached is not null, "请选择是否联系到客户"),
        new(nameof(Satisfaction), r => r.Reached != true || r.Satisfaction is not null, "已联系到客户时须记录满意度"),
        new(nameof(Satisfaction), r => r.Reached != false || r.Satisfaction is null, "未联系到客户时不能记录满意度"),
        new(nameof(Resolved), r => r.Reached != true || r.Resolved is not null, "请确认客户反映的问题是否确已解决"),
        new(nameof(Resolved), r => r.Reached != false || r.Resolved is null, "未联系到客户时无法确认问题是否解决"),
        new(nameof(Notes), r => TextRules.WithinLength(r.Notes, MaxNotes), $"回访记录不能超过 {MaxNotes} 字"),
        new(nameof(Notes), r => TextRules.IsPlainText(r.Notes), "回访记录只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"),
        new(nameof(ProblemFound), r => r.ProblemFound || (r.Resolved != false && r.Satisfaction != Complaints.Satisfaction.Dissatisfied),
            "客户不满意或问题未解决时，须登记发现的问题并指定整改责任人"),
        new(nameof(Problem), r => !r.ProblemFound || TextRules.AtLeast(r.Problem, 4), "请描述发现的问题（至少 4 个字）"),
        new(nameof(Problem), r => !r.ProblemFound || (TextRules.WithinLength(r.Problem, MaxProblem) && TextRules.IsPlainText(r.Problem)), $"问题描述为不超过 {MaxProblem} 字的纯文本"),
        new(nameof(Owner), r => !r.ProblemFound || TextRules.Present(r.Owner), "请指定整改责任人"),
        new(nameof(Owner), r => !r.ProblemFound || (TextRules.WithinLength(r.Owner, MaxOwner) && TextRules.IsPersonName(r.Owner)), $"责任人须为姓名（不超过 {MaxOwner} 字）"),
        new(nameof(DueDate), r => !r.ProblemFound || r.DueDate is not null, "请填写整改期限"),
        new(nameof(DueDate), r => !r.ProblemFound || r.DueDate is null || r.DueDate >= today, "整改期限不能早于今天"),
        new(nameof(DueDate), r => !r.ProblemFound || r.DueDate is null || r.DueDate <= today.AddDays(LongestDueDays), $"整改期限不能超过 {LongestDueDays} 天"),
    ];
}

/// <summary>A sampled revisit as recorded.</summary>
public sealed record SampleResult(RevisitMethod Method, bool Reached, Satisfaction? Satisfaction, bool? Resolved, string? Notes, Actor By, DateTimeOffset At)
{
    public bool IsSatisfied => Reached && Satisfaction is Complaints.Satisfaction.Satisfied or Complaints.Satisfaction.FairlySatisfied;

    public bool IsResolved => Reached && Resolved == true;
}

/// <summary>A problem found by a sampled revisit (问题清单): what, who fixes it by when, and the check that it was fixed.</summary>
public sealed record SampleFollowUp(string Problem, string Owner, DateOnly DueDate, DateTimeOffset FoundAt, Actor? FixedBy = null, DateTimeOffset? FixedAt = null, string? FixNote = null)
{
    public bool IsFixed => FixedAt is not null;

    public bool IsOverdue(DateOnly today) => !IsFixed && DueDate < today;
}
