using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Drills;

/// <summary>A multiple-choice question: 2–6 options, one or more correct, and why.</summary>
public sealed record QuizQuestion(string Text, IReadOnlyList<string> Options, IReadOnlyList<int> Correct, string Explanation);

/// <summary>A quiz a trainer writes and publishes (seed 002 培训成果验收); staff take it, scored on the spot.</summary>
public sealed class Quiz
{
    public const int MaxQuestions = 30;

    private Quiz() { } // for EF Core

    public int Id { get; private set; }
    public int Revision { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<QuizQuestion> Questions { get; private set; } = [];
    public bool Published { get; private set; }
    public Actor Author { get; private set; } = null!;
    public DateTimeOffset UpdatedAt { get; private set; }

    public static IReadOnlyList<FieldError> Check(string? title, IReadOnlyList<QuizQuestion> questions)
    {
        var errors = new List<FieldError>();
        if (!TextRules.AtLeast(title, 2) || !TextRules.WithinLength(title, 60) || !TextRules.IsPlainText(title)) errors.Add(new(nameof(Title), "请填写测验标题（2–60 字，纯文本）"));
        if (questions.Count is 0 or > MaxQuestions) errors.Add(new(nameof(Questions), $"测验须有 1–{MaxQuestions} 道题"));
        foreach (var (q, i) in questions.Select((q, i) => (q, i + 1)))
        {
            if (!TextRules.AtLeast(q.Text, 4) || !TextRules.WithinLength(q.Text, 300) || !TextRules.IsPlainText(q.Text)) errors.Add(new(nameof(Questions), $"第 {i} 题：请填写题目（4–300 字）"));
            if (q.Options.Count is < 2 or > 6 || q.Options.Any(o => !TextRules.Present(o) || !TextRules.WithinLength(o, 100) || !TextRules.IsPlainText(o)))
                errors.Add(new(nameof(Questions), $"第 {i} 题：须有 2–6 个选项，每个不超过 100 字"));
            if (q.Correct.Count == 0 || q.Correct.Any(c => c < 0 || c >= q.Options.Count)) errors.Add(new(nameof(Questions), $"第 {i} 题：请标出正确答案"));
            if (!TextRules.WithinLength(q.Explanation, 300) || !TextRules.IsPlainText(q.Explanation)) errors.Add(new(nameof(Questions), $"第 {i} 题：解析不能超过 300 字"));
        }
        return errors;
    }

    public static StepResult<Quiz> Create(string? title, IReadOnlyList<QuizQuestion> questions, bool publish, Actor by, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (!roles.Contains(StaffRole.Trainer)) return new(null, StepResult.Refused("只有培训师可以编写测验"));
        var errors = Check(title, questions);
        if (errors.Count > 0) return new(null, StepResult.Refused(errors));
        return new(new Quiz { Title = title!.Trim(), Questions = Clean(questions), Published = publish, Author = by, UpdatedAt = at }, StepResult.Success);
    }

    public StepResult Edit(string? title, IReadOnlyList<QuizQuestion> questions, bool publish, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (!roles.Contains(StaffRole.Trainer)) return StepResult.Refused("只有培训师可以修改测验");
        var errors = Check(title, questions);
        if (errors.Count > 0) return StepResult.Refused(errors);
        (Title, Questions, Published, UpdatedAt) = (title!.Trim(), Clean(questions), publish, at);
        Revision++;
        return StepResult.Success;
    }

    /// <summary>How many questions were answered exactly right (every correct option chosen, no other).</summary>
    public int Mark(IReadOnlyList<IReadOnlyList<int>> answers) =>
        Questions.Where((q, i) => i < answers.Count && answers[i].Order().SequenceEqual(q.Correct.Order())).Count();

    private static IReadOnlyList<QuizQuestion> Clean(IReadOnlyList<QuizQuestion> questions) =>
        [.. questions.Select(q => new QuizQuestion(q.Text.Trim(), [.. q.Options.Select(o => o.Trim())], [.. q.Correct.Distinct().Order()], q.Explanation?.Trim() ?? ""))];
}

/// <summary>One person's attempt at a quiz: what they chose and how many they got right.</summary>
public sealed class QuizAttempt
{
    private QuizAttempt() { } // for EF Core

    public long Id { get; private set; }
    public int QuizId { get; private set; }
    public Actor Person { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public IReadOnlyList<IReadOnlyList<int>> Answers { get; private set; } = [];
    public int Correct { get; private set; }
    public int Total { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Out of 100.</summary>
    public int Score => Total == 0 ? 0 : (int)Math.Round(100.0 * Correct / Total, MidpointRounding.AwayFromZero);

    public static StepResult<QuizAttempt> Take(Quiz quiz, IReadOnlyList<IReadOnlyList<int>> answers, Actor by, string department, DateTimeOffset at)
    {
        if (!quiz.Published) return new(null, StepResult.Refused("该测验尚未发布"));
        var unanswered = Enumerable.Range(0, quiz.Questions.Count).FirstOrDefault(i => i >= answers.Count || answers[i].Count == 0, -1);
        if (unanswered >= 0) return new(null, StepResult.Refused($"第 {unanswered + 1} 题尚未作答"));
        return new(new QuizAttempt { QuizId = quiz.Id, Person = by, Department = department, Answers = answers, Correct = quiz.Mark(answers), Total = quiz.Questions.Count, At = at },
            StepResult.Success);
    }
}
