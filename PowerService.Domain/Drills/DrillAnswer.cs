using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Drills;

/// <summary>A trainer's review of an answer: the score they give and why.</summary>
public sealed record DrillReview(Actor By, int Score, string Comment, DateTimeOffset At);

/// <summary>One person's reply to a scenario card, scored on the spot and reviewed by a trainer.</summary>
public sealed class DrillAnswer
{
    public const int MaxReply = 2000;

    private DrillAnswer() { } // for EF Core

    public long Id { get; private set; }
    public int CardId { get; private set; }
    public Actor Person { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public string Reply { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public DrillScore Automatic { get; private set; } = null!;
    public DrillReview? Review { get; private set; }

    /// <summary>The score that counts: the trainer's when reviewed.</summary>
    public int Score => Review?.Score ?? Automatic.Score;

    public static StepResult<DrillAnswer> Submit(ScenarioCard card, string? reply, DrillScore score, Actor by, string department, DateTimeOffset at)
    {
        if (!card.Active) return new(null, StepResult.Refused("该情景卡片已停用"));
        if (!TextRules.AtLeast(reply, 10)) return new(null, StepResult.Refused([new FieldError(nameof(Reply), "请写出您的答复（至少 10 个字）")]));
        if (!TextRules.WithinLength(reply, MaxReply)) return new(null, StepResult.Refused([new FieldError(nameof(Reply), $"答复不能超过 {MaxReply} 字")]));
        if (!TextRules.IsPlainText(reply)) return new(null, StepResult.Refused([new FieldError(nameof(Reply), "答复只能是纯文本")]));
        return new(new DrillAnswer { CardId = card.Id, Person = by, Department = department, Reply = reply!.Trim(), At = at, Automatic = score }, StepResult.Success);
    }

    /// <summary>A trainer reviews someone else's answer: a score from 0 to 100 and a comment.</summary>
    public StepResult ReviewBy(Actor trainer, IReadOnlyCollection<StaffRole> roles, int? score, string? comment, DateTimeOffset at)
    {
        if (!roles.Contains(StaffRole.Trainer)) return StepResult.Refused("只有培训师可以点评");
        if (trainer.UserId == Person.UserId) return StepResult.Refused("不能点评自己的答复");
        // Another trainer may have reviewed it since the list was shown: theirs stands, and this one is told.
        if (Review is { } done) return StepResult.Refused($"该答复已由{done.By.DisplayName}于 {Time.ChinaTime.Format(done.At)} 点评（{done.Score} 分），您的点评未保存");
        if (score is not (>= 0 and <= 100)) return StepResult.Refused([new FieldError("Score", "请给出 0–100 的分数")]);
        if (!TextRules.AtLeast(comment, 4) || !TextRules.WithinLength(comment, 500) || !TextRules.IsPlainText(comment))
            return StepResult.Refused([new FieldError("Comment", "请写点评意见（4–500 字，纯文本）")]);
        Review = new DrillReview(trainer, score.Value, comment!.Trim(), at);
        return StepResult.Success;
    }
}
