using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Domain.Time;

namespace PowerService.Domain.Sampling;

/// <summary>
/// One complaint of a sample, to be re-contacted: its result once recorded, and the problem found, if
/// any, until someone confirms it was fixed. Recorded once: a second person who recorded the same
/// revisit meanwhile is refused and told who did (the revision is the concurrency token).
/// </summary>
public sealed class SampledRevisit
{
    private SampledRevisit() { } // for EF Core

    public long Id { get; private set; }
    public long BatchId { get; private set; }
    public SamplingLevel Level { get; private set; }
    public string Period { get; private set; } = "";

    /// <summary>The complaint's department when it closed: whose sample it is.</summary>
    public string Department { get; private set; } = "";
    public int ComplaintId { get; private set; }
    public string ComplaintNumber { get; private set; } = "";
    public KeyReason Key { get; private set; }

    /// <summary>Counts every change; the concurrency token that tells two recorders apart.</summary>
    public int Revision { get; private set; }

    public SampleResult? Result { get; private set; }

    /// <summary>When the result was recorded (the queue lists those still to do first).</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    public SampleFollowUp? FollowUp { get; private set; }
    public FollowUpState FollowUpState { get; private set; }

    internal static SampledRevisit For(SampleBatch batch, SampledCase drawn) => new()
    {
        Level = batch.Level, Period = batch.Period, Department = drawn.Case.Department,
        ComplaintId = drawn.Case.ComplaintId, ComplaintNumber = drawn.Case.Number, Key = drawn.Key,
    };

    /// <summary>Records the result of the re-contact; a problem found goes on the follow-up list.</summary>
    public StepResult Record(SampleResultInput input, Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset now)
    {
        if (SamplingPermissions.RecordRefusal(Level, Department, roles, workplace) is { } refusal) return StepResult.Refused(refusal);
        if (Result is { } done) return StepResult.Refused(AlreadyRecorded(done));
        var errors = FieldRule<SampleResultInput>.Check(input, SampleResultInput.Rules(now.ChinaDate()));
        if (errors.Count > 0) return StepResult.Refused(errors);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        Result = new SampleResult(input.Method!.Value, input.Reached!.Value, input.Satisfaction, input.Resolved, TextRules.Clean(input.Notes), by, at);
        RecordedAt = at;
        if (input.ProblemFound)
        {
            FollowUp = new SampleFollowUp(input.Problem!.Trim(), input.Owner!.Trim(), input.DueDate!.Value, at);
            FollowUpState = FollowUpState.Open;
        }
        Revision++;
        return StepResult.Success;
    }

    /// <summary>The next round checks a problem found was fixed: who checked, when, and what they found.</summary>
    public StepResult ConfirmFixed(string? note, Actor by, IReadOnlyCollection<StaffRole> roles, Workplace? workplace, DateTimeOffset now)
    {
        if (SamplingPermissions.FixRefusal(Department, roles, workplace) is { } refusal) return StepResult.Refused(refusal);
        if (FollowUp is not { } followUp) return StepResult.Refused("该抽查回访没有登记需要整改的问题");
        if (followUp.IsFixed) return StepResult.Refused($"该问题已由{followUp.FixedBy!.DisplayName}于 {ChinaTime.Format(followUp.FixedAt!.Value)} 确认整改完成");
        if (!TextRules.AtLeast(note, 4) || !TextRules.WithinLength(note, SampleResultInput.MaxNotes) || !TextRules.IsPlainText(note))
            return StepResult.Refused([new FieldError("Note", $"请写明核实整改的情况（4–{SampleResultInput.MaxNotes} 字，纯文本）")]);
        FollowUp = followUp with { FixedBy = by, FixedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), FixNote = note!.Trim() };
        FollowUpState = FollowUpState.Fixed;
        Revision++;
        return StepResult.Success;
    }

    /// <summary>Someone else's result stands; the refusal says whose.</summary>
    public static string AlreadyRecorded(SampleResult done) =>
        $"该抽查回访已由{done.By.DisplayName}于 {ChinaTime.Format(done.At)} 登记，您的结果未保存";
}
