using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Drills;
using PowerService.Domain.Staff;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Drills;

/// <summary>A person's training record for the trainer: drills answered and quizzes taken.</summary>
public sealed record PersonResult(string UserId, string Name, string Department, int Answers, double? AverageDrill, DateTimeOffset? LastDrill, int Attempts, double? AverageQuiz);

/// <summary>An answer as listed: the card's title beside it.</summary>
public sealed record AnswerRow(DrillAnswer Answer, string CardTitle);

/// <summary>An attempt as listed: the quiz's title beside it.</summary>
public sealed record AttemptRow(QuizAttempt Attempt, string QuizTitle);

/// <summary>
/// The pages' one door to drills (docs/domain.md §9): trainers write scenario cards and quizzes and
/// review answers; staff practise. Every rule is checked here, on the server: who may write, answer,
/// review and read whose results.
/// </summary>
public sealed class DrillService(IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, Wording.WordingService wording, TimeProvider time, ILogger<DrillService> log)
{
    private const string SaveFailed = "保存失败，数据未写入。请稍后重试。";

    /// <summary>The people who deal with customers practise; trainers try their own cards.</summary>
    public static bool MayPractise(StaffUser user) => user.Roles.Any(r => r is StaffRole.IntakeAgent or StaffRole.Handler or StaffRole.Manager or StaffRole.Trainer);

    public async Task<IReadOnlyList<ScenarioCard>> CardsAsync(StaffUser user, bool includeRetired = false, CancellationToken ct = default)
    {
        if (!MayPractise(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cards = db.ScenarioCards.AsNoTracking();
        if (!(includeRetired && user.Is(StaffRole.Trainer))) cards = cards.Where(c => c.Active);
        return await cards.OrderByDescending(c => c.UpdatedAt).ToListAsync(ct);
    }

    public async Task<ScenarioCard?> CardAsync(int id, StaffUser user, CancellationToken ct = default)
    {
        if (!MayPractise(user)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var card = await db.ScenarioCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return card is { Active: true } || (card is not null && user.Is(StaffRole.Trainer)) ? card : null;
    }

    /// <summary>A card's first draft from a published case: its background as the situation; the customer's words and the checklist are the trainer's.</summary>
    public async Task<CardContent?> DraftFromCaseAsync(int caseId, StaffUser user, CancellationToken ct = default)
    {
        if (!user.Is(StaffRole.Trainer)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.TrainingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && c.Listed, ct);
        if (found?.Published is not { } published) return null;
        return new CardContent(published.Content.Title, published.Content.Background, "", DefaultChecklist);
    }

    /// <summary>What most good answers to a complaining customer contain (seed 002 十妙招): a start the trainer adjusts.</summary>
    public static IReadOnlyList<ChecklistItem> DefaultChecklist { get; } =
    [
        new("真诚致歉", ["抱歉", "对不起", "致歉", "给您添麻烦"], 2),
        new("复述并确认客户诉求", ["您是说", "您反映的", "我理解", "您的意思"]),
        new("说明原因", ["原因", "因为", "由于", "经核实"]),
        new("给出解决方案", ["为您", "我们会", "安排", "处理"], 2),
        new("承诺时限并跟进", ["小时内", "今天", "明天", "尽快", "回访", "告知您"]),
    ];

    public Task<CardOutcome> CreateCardAsync(CardContent content, int? sourceCaseId, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            var created = ScenarioCard.Create(content, sourceCaseId, user.Actor, user.Roles, time.GetUtcNow());
            if (!created.Succeeded) return new CardOutcome(created.Outcome);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new CardOutcome(ended);
            db.ScenarioCards.Add(created.Value!);
            return await SaveAsync(db, () => new CardOutcome(StepResult.Success, created.Value!.Id), ct);
        }, ct);

    public Task<CardOutcome> EditCardAsync(int id, int seenRevision, CardContent content, bool active, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new CardOutcome(ended);
            var card = await db.ScenarioCards.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (card is null) return new CardOutcome(StepResult.Refused("情景卡片不存在"));
            if (card.Revision != seenRevision) return new CardOutcome(StepResult.Refused("该卡片已被其他培训师修改，请刷新后重新编辑"));
            var edited = card.Edit(content, active, user.Roles, time.GetUtcNow());
            return edited.Succeeded ? await SaveAsync(db, () => new CardOutcome(StepResult.Success, id), ct) : new CardOutcome(edited);
        }, ct);

    /// <summary>A person answers a card: scored at once by its checklist and the wording dictionary, and kept for the trainer.</summary>
    public Task<(DrillAnswer? Answer, StepResult Result)> AnswerAsync(int cardId, string? reply, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            if (!MayPractise(user)) return ((DrillAnswer?)null, StepResult.Refused("您的角色不参加情景演练"));
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return (null, ended);
            var card = await db.ScenarioCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cardId, ct);
            if (card is null) return (null, StepResult.Refused("情景卡片不存在"));
            var score = DrillScoring.Score(card.Content, reply ?? "", await wording.PhrasesAsync(ct));
            var answer = DrillAnswer.Submit(card, reply, score, user.Actor, user.Department, time.GetUtcNow());
            if (!answer.Succeeded) return (null, answer.Outcome);
            db.DrillAnswers.Add(answer.Value!);
            var saved = await SaveAsync(db, () => new CardOutcome(StepResult.Success), ct);
            return (saved.Result.Succeeded ? answer.Value : null, saved.Result);
        }, ct);

    /// <summary>A person's own answers and attempts, newest first.</summary>
    public async Task<(IReadOnlyList<AnswerRow> Answers, IReadOnlyList<AttemptRow> Attempts)> MineAsync(StaffUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = user.Actor.UserId;
        var answers = await (from a in db.DrillAnswers.AsNoTracking() where a.Person.UserId == id
                             join c in db.ScenarioCards on a.CardId equals c.Id
                             orderby a.At descending
                             select new { a, c.Content }).Take(100).ToListAsync(ct);
        var attempts = await (from t in db.QuizAttempts.AsNoTracking() where t.Person.UserId == id
                              join q in db.Quizzes on t.QuizId equals q.Id
                              orderby t.At descending
                              select new { t, q.Title }).Take(100).ToListAsync(ct);
        return ([.. answers.Select(x => new AnswerRow(x.a, x.Content.Title))], [.. attempts.Select(x => new AttemptRow(x.t, x.Title))]);
    }

    /// <summary>Answers for a trainer: those not yet reviewed first, then the rest, newest first.</summary>
    public async Task<IReadOnlyList<AnswerRow>> AnswersForReviewAsync(StaffUser user, CancellationToken ct = default)
    {
        if (!user.Is(StaffRole.Trainer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from a in db.DrillAnswers.AsNoTracking()
                          join c in db.ScenarioCards on a.CardId equals c.Id
                          orderby a.At descending
                          select new { a, c.Content }).Take(200).ToListAsync(ct);
        return [.. rows.OrderBy(x => x.a.Review is not null).Select(x => new AnswerRow(x.a, x.Content.Title))];
    }

    public Task<StepResult> ReviewAsync(long answerId, int? score, string? comment, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return ended;
            var answer = await db.DrillAnswers.SingleOrDefaultAsync(a => a.Id == answerId, ct);
            if (answer is null) return StepResult.Refused("答复不存在");
            var reviewed = answer.ReviewBy(user.Actor, user.Roles, score, comment, time.GetUtcNow());
            return reviewed.Succeeded ? (await SaveAsync(db, () => new CardOutcome(StepResult.Success), ct)).Result : reviewed;
        }, ct);

    public async Task<IReadOnlyList<Quiz>> QuizzesAsync(StaffUser user, bool includeDrafts = false, CancellationToken ct = default)
    {
        if (!MayPractise(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quizzes = db.Quizzes.AsNoTracking();
        if (!(includeDrafts && user.Is(StaffRole.Trainer))) quizzes = quizzes.Where(q => q.Published);
        return await quizzes.OrderByDescending(q => q.UpdatedAt).ToListAsync(ct);
    }

    public async Task<Quiz?> QuizAsync(int id, StaffUser user, CancellationToken ct = default) =>
        (await QuizzesAsync(user, includeDrafts: true, ct)).FirstOrDefault(q => q.Id == id && (q.Published || user.Is(StaffRole.Trainer)));

    public Task<CardOutcome> SaveQuizAsync(int id, int seenRevision, string? title, IReadOnlyList<QuizQuestion> questions, bool publish, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new CardOutcome(ended);
            if (id == 0)
            {
                var created = Quiz.Create(title, questions, publish, user.Actor, user.Roles, time.GetUtcNow());
                if (!created.Succeeded) return new CardOutcome(created.Outcome);
                db.Quizzes.Add(created.Value!);
                return await SaveAsync(db, () => new CardOutcome(StepResult.Success, created.Value!.Id), ct);
            }
            var quiz = await db.Quizzes.SingleOrDefaultAsync(q => q.Id == id, ct);
            if (quiz is null) return new CardOutcome(StepResult.Refused("测验不存在"));
            if (quiz.Revision != seenRevision) return new CardOutcome(StepResult.Refused("该测验已被其他培训师修改，请刷新后重新编辑"));
            var edited = quiz.Edit(title, questions, publish, user.Roles, time.GetUtcNow());
            return edited.Succeeded ? await SaveAsync(db, () => new CardOutcome(StepResult.Success, id), ct) : new CardOutcome(edited);
        }, ct);

    public Task<(QuizAttempt? Attempt, StepResult Result)> TakeAsync(int quizId, IReadOnlyList<IReadOnlyList<int>> answers, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            if (!MayPractise(user)) return ((QuizAttempt?)null, StepResult.Refused("您的角色不参加测验"));
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return (null, ended);
            var quiz = await db.Quizzes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == quizId, ct);
            if (quiz is null) return (null, StepResult.Refused("测验不存在"));
            var attempt = QuizAttempt.Take(quiz, answers, user.Actor, user.Department, time.GetUtcNow());
            if (!attempt.Succeeded) return (null, attempt.Outcome);
            db.QuizAttempts.Add(attempt.Value!);
            var saved = await SaveAsync(db, () => new CardOutcome(StepResult.Success), ct);
            return (saved.Result.Succeeded ? attempt.Value : null, saved.Result);
        }, ct);

    /// <summary>Everyone's training record, for trainers only; optionally one department.</summary>
    public async Task<IReadOnlyList<PersonResult>> ResultsAsync(StaffUser user, string? department = null, CancellationToken ct = default)
    {
        if (!user.Is(StaffRole.Trainer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = db.DrillAnswers.AsNoTracking();
        var attempts = db.QuizAttempts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(department)) (answers, attempts) = (answers.Where(a => a.Department == department), attempts.Where(a => a.Department == department));
        var answerRows = await answers.Select(a => new { a.Person.UserId, a.Person.DisplayName, a.Department, a.Automatic, a.Review, a.At }).ToListAsync(ct);
        var attemptRows = await attempts.Select(a => new { a.Person.UserId, a.Person.DisplayName, a.Department, a.Correct, a.Total }).ToListAsync(ct);
        var people = answerRows.Select(a => (a.UserId, a.DisplayName, a.Department)).Concat(attemptRows.Select(a => (a.UserId, a.DisplayName, a.Department))).DistinctBy(p => p.UserId);
        return [.. people.Select(p =>
        {
            var mine = answerRows.Where(a => a.UserId == p.UserId).ToList();
            var taken = attemptRows.Where(a => a.UserId == p.UserId).ToList();
            return new PersonResult(p.UserId, p.DisplayName, p.Department, mine.Count,
                mine.Count == 0 ? null : Math.Round(mine.Average(a => (double)(a.Review?.Score ?? a.Automatic.Score)), 1), mine.Count == 0 ? null : mine.Max(a => a.At),
                taken.Count, taken.Count == 0 ? null : Math.Round(taken.Average(a => a.Total == 0 ? 0 : 100.0 * a.Correct / a.Total), 1));
        }).OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private async Task<CardOutcome> SaveAsync(AppDbContext db, Func<CardOutcome> success, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return success();
        }
        catch (DbUpdateException ex)
        {
            log.LogError(ex, "Saving a drill failed");
            return new CardOutcome(StepResult.Refused(SaveFailed));
        }
    }
}

/// <summary>The outcome of writing a card or quiz, with its id when stored.</summary>
public sealed record CardOutcome(StepResult Result, int? Id = null)
{
    public bool Succeeded => Result.Succeeded;
}
