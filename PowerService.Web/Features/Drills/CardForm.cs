using PowerService.Domain.Drills;

namespace PowerService.Web.Features.Drills;

/// <summary>The trainer's form over a card: checklist keywords typed on one line, separated by 、 or spaces.</summary>
public sealed class CardForm
{
    public int Id { get; set; }
    public int Revision { get; set; }
    public int? SourceCaseId { get; set; }
    public string Title { get; set; } = "";
    public string Situation { get; set; } = "";
    public string CustomerWords { get; set; } = "";
    public bool Active { get; set; } = true;
    public List<ItemForm> Checklist { get; set; } = [];

    public sealed class ItemForm
    {
        public string Description { get; set; } = "";
        public string Keywords { get; set; } = "";
        public int Weight { get; set; } = 1;
    }

    public static CardForm From(CardContent c, int id = 0, int revision = 0, bool active = true, int? sourceCaseId = null) => new()
    {
        Id = id, Revision = revision, Active = active, SourceCaseId = sourceCaseId, Title = c.Title, Situation = c.Situation, CustomerWords = c.CustomerWords,
        Checklist = [.. c.Checklist.Select(i => new ItemForm { Description = i.Description, Keywords = string.Join("、", i.Keywords), Weight = i.Weight })],
    };

    public CardContent ToContent() => new(Title, Situation, CustomerWords,
        [.. Checklist.Select(i => new ChecklistItem(i.Description, i.Keywords.Split(['、', ',', '，', ' ', '　', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), i.Weight))]);
}

/// <summary>The trainer's form over a quiz: options one per line, correct answers by number (1,3).</summary>
public sealed class QuizForm
{
    public int Id { get; set; }
    public int Revision { get; set; }
    public string Title { get; set; } = "";
    public bool Published { get; set; }
    public List<QuestionForm> Questions { get; set; } = [new()];

    public sealed class QuestionForm
    {
        public string Text { get; set; } = "";
        public string Options { get; set; } = "";
        public string Correct { get; set; } = "";
        public string Explanation { get; set; } = "";
    }

    public static QuizForm From(Quiz q) => new()
    {
        Id = q.Id, Revision = q.Revision, Title = q.Title, Published = q.Published,
        Questions = [.. q.Questions.Select(x => new QuestionForm
        {
            Text = x.Text, Options = string.Join('\n', x.Options), Correct = string.Join(',', x.Correct.Select(c => c + 1)), Explanation = x.Explanation,
        })],
    };

    /// <summary>The questions as typed; a correct answer that is not an option's number is kept out of range so the domain names the question.</summary>
    public IReadOnlyList<QuizQuestion> ToQuestions() =>
    [
        .. Questions.Select(q => new QuizQuestion(q.Text,
            q.Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            [.. q.Correct.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries).Select(c => int.TryParse(c, out var n) ? n - 1 : -1)],
            q.Explanation)),
    ];
}
