using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Drills;
using PowerService.Tests.Domain.Drills;
using PowerService.Tests.Support;
using PowerService.Web.Features.Drills;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Data.Drills;

/// <summary>Drills through the service the pages use, on both databases: who writes, answers, reviews and reads whose results.</summary>
public abstract class DrillServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private StaffUser _trainer = null!, _handler = null!, _handler3 = null!, _auditor = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        (_trainer, _handler, _handler3, _auditor) = (await _db.StaffAsync("trainer"), await _db.StaffAsync("handler"), await _db.StaffAsync("handler3"), await _db.StaffAsync("auditor"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DrillService Drills => _db.Services.GetRequiredService<DrillService>();

    private async Task<int> CardAsync()
    {
        var created = await Drills.CreateCardAsync(DrillScoringTests.Card, null, _trainer, Ct);
        Assert.True(created.Succeeded, string.Join("；", created.Result.Reasons));
        return created.Id!.Value;
    }

    [Fact]
    public async Task An_answer_is_scored_at_once_kept_and_reviewed_and_the_review_counts_in_the_results()
    {
        var card = await CardAsync();

        var (answer, result) = await Drills.AnswerAsync(card, "非常抱歉！这次是线路检修停电，规定就是这样，我们会给您减免电费。", _handler, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(100 - DrillScoring.BlockingPenalty, answer!.Automatic.Score);
        Assert.Equal(["规定就是这样"], answer.Automatic.Forbidden);
        var pending = Assert.Single(await Drills.AnswersForReviewAsync(_trainer, Ct));
        Assert.Null(pending.Answer.Review);
        Assert.True((await Drills.ReviewAsync(pending.Answer.Id, 70, "致歉及时，但不应说“规定就是这样”", _trainer, Ct)).Succeeded);

        var mine = Assert.Single((await Drills.MineAsync(_handler, Ct)).Answers);
        Assert.Equal((70, DrillScoringTests.Card.Title), (mine.Answer.Score, mine.CardTitle));
        var row = Assert.Single(await Drills.ResultsAsync(_trainer, ct: Ct));
        Assert.Equal((_handler.Actor.DisplayName, 1, 70.0), (row.Name, row.Answers, row.AverageDrill));
    }

    [Fact]
    public async Task Only_trainers_write_cards_review_and_read_everyones_results_and_people_see_their_own()
    {
        Assert.Equal("只有培训师可以编写情景卡片", Assert.Single((await Drills.CreateCardAsync(DrillScoringTests.Card, null, _handler, Ct)).Result.Reasons));
        var card = await CardAsync();
        var (answer, _) = await Drills.AnswerAsync(card, "对不起，线路检修停电，给您减免电费。", _handler, Ct);
        await Drills.AnswerAsync(card, "抱歉，我们马上安排补偿。", _handler3, Ct);

        Assert.Equal("只有培训师可以点评", Assert.Single((await Drills.ReviewAsync(answer!.Id, 90, "写得不错", _handler3, Ct)).Reasons));
        Assert.Empty(await Drills.ResultsAsync(_handler, ct: Ct));
        Assert.Empty(await Drills.AnswersForReviewAsync(_handler, Ct));
        Assert.Single((await Drills.MineAsync(_handler3, Ct)).Answers);
        Assert.Equal([_handler3.Actor.DisplayName], (await Drills.ResultsAsync(_trainer, "运维检修部", Ct)).Select(r => r.Name));
        Assert.Equal("您的角色不参加情景演练", (await Drills.AnswerAsync(card, "我来试试这个情景的答复。", _auditor, Ct)).Result.Reasons.Single());
    }

    [Fact]
    public async Task A_retired_card_is_no_longer_offered_or_answered()
    {
        var card = await CardAsync();
        var stored = (await Drills.CardAsync(card, _trainer, Ct))!;
        Assert.True((await Drills.EditCardAsync(card, stored.Revision, stored.Content, active: false, _trainer, Ct)).Succeeded);

        Assert.Empty(await Drills.CardsAsync(_handler, ct: Ct));
        Assert.Null(await Drills.CardAsync(card, _handler, Ct));
        Assert.Equal("该情景卡片已停用", (await Drills.AnswerAsync(card, "对不起，我们马上处理。", _handler, Ct)).Result.Reasons.Single());
        Assert.Contains("已被其他培训师修改", (await Drills.EditCardAsync(card, stored.Revision, stored.Content, active: true, _trainer, Ct)).Result.Reasons.Single());
    }

    [Fact]
    public async Task A_published_quiz_is_taken_and_marked_and_a_draft_is_not_offered()
    {
        QuizQuestion[] questions =
        [
            new("以下哪些是服务忌语？", ["规定就是这样", "请您稍候", "你自己看合同"], [0, 2], "§002"),
            new("投诉回访率要求？", ["80%", "100%"], [1], ""),
        ];
        var draft = await Drills.SaveQuizAsync(0, 0, "草稿测验", questions, publish: false, _trainer, Ct);
        var published = await Drills.SaveQuizAsync(0, 0, "服务规范测验", questions, publish: true, _trainer, Ct);

        Assert.Equal(["服务规范测验"], (await Drills.QuizzesAsync(_handler, ct: Ct)).Select(q => q.Title));
        Assert.Null(await Drills.QuizAsync(draft.Id!.Value, _handler, Ct));
        var (attempt, result) = await Drills.TakeAsync(published.Id!.Value, [[0, 2], [0]], _handler, Ct);
        Assert.True(result.Succeeded);
        Assert.Equal((1, 2, 50), (attempt!.Correct, attempt.Total, attempt.Score));
        Assert.Equal(50.0, Assert.Single(await Drills.ResultsAsync(_trainer, ct: Ct)).AverageQuiz);
    }
}

public sealed class DrillServiceTestsOnSqlite() : DrillServiceTests(DatabaseProvider.Sqlite);

public sealed class DrillServiceTestsOnPostgres() : DrillServiceTests(DatabaseProvider.Postgres);
