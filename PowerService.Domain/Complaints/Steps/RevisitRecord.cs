using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>
/// 反馈回访: one call (or visit) to the customer after resolution. A call that did not reach the
/// customer is recorded too, but carries no satisfaction. Which round it answers is not typed:
/// the complaint knows (<see cref="Complaint.DueRevisitRound"/>).
/// </summary>
public sealed record RevisitRecord(
    RevisitMethod Method,
    bool Reached,
    Satisfaction? Satisfaction,
    string? CustomerOpinion) : IStepData<RevisitRecord>
{
    public bool IsSatisfied => Reached && Satisfaction is Complaints.Satisfaction.Satisfied or Complaints.Satisfaction.FairlySatisfied;

    public bool IsDissatisfied => Reached && Satisfaction == Complaints.Satisfaction.Dissatisfied;

    public static IReadOnlyList<FieldRule<RevisitRecord>> Rules { get; } =
    [
        new(nameof(Satisfaction), r => !r.Reached || r.Satisfaction is not null, "已联系到客户时须记录满意度"),
        new(nameof(Satisfaction), r => r.Reached || r.Satisfaction is null, "未联系到客户时不能记录满意度"),
        new(nameof(CustomerOpinion), r => !r.Reached || TextRules.Present(r.CustomerOpinion), "请记录客户意见"),
        .. CommonRules.OptionalText<RevisitRecord>(nameof(CustomerOpinion), "客户意见", r => r.CustomerOpinion, Limits.Note),
    ];
}
