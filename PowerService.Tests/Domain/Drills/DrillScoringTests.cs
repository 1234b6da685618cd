using PowerService.Domain.Complaints;
using PowerService.Domain.Drills;
using PowerService.Domain.Staff;
using PowerService.Domain.Wording;

namespace PowerService.Tests.Domain.Drills;

/// <summary>A reply scored by the card's checklist and the wording check; quizzes marked question by question.</summary>
public sealed class DrillScoringTests
{
    public static readonly CardContent Card = new("停电未通知的客户来电", "计划停电未通知，客户家中冰箱食物变质，来电情绪激动。", "你们停电也不通知，我家一冰箱东西全坏了，谁赔？",
    [
        new("先致歉", ["抱歉", "对不起", "致歉"], 2),
        new("说明停电原因", ["检修", "原因"]),
        new("给出补救和时限", ["减免", "赔偿", "补偿"], 2),
    ]);

    [Fact]
    public void Every_item_met_scores_100_and_the_words_count_however_written()
    {
        var score = DrillScoring.Score(Card, "非常對不起！這次是線路檢修，我们会按规定给您减免电费。", PhraseBook.Defaults);

        Assert.Equal(100, score.Score);
        Assert.Equal([true, true, true], score.ItemsMet);
    }

    [Fact]
    public void Missing_items_lose_their_weight()
    {
        var score = DrillScoring.Score(Card, "我们会尽快安排补偿，请您放心。", PhraseBook.Defaults);

        Assert.Equal(40, score.Score); // 2 of 5
        Assert.Equal([false, false, true], score.ItemsMet);
    }

    [Fact]
    public void Forbidden_phrases_cost_points_and_are_named()
    {
        var score = DrillScoring.Score(Card, "对不起，线路检修，规定就是这样，减免的事我不知道。", PhraseBook.Defaults);

        Assert.Equal(100 - DrillScoring.BlockingPenalty - DrillScoring.HintPenalty, score.Score);
        Assert.Equal(["规定就是这样"], score.Forbidden);
        Assert.Equal(["不知道"], score.Hinted);
    }

    [Fact]
    public void A_score_never_falls_below_zero() =>
        Assert.Equal(0, DrillScoring.Score(Card, "急什么！等着吧！我管不着！有意见找领导去！", PhraseBook.Defaults).Score);

    [Fact]
    public void A_card_needs_a_checklist_whose_items_have_words_and_only_trainers_write_cards()
    {
        var empty = ScenarioCard.Create(Card with { Checklist = [] }, null, new("u", "孙丽"), [StaffRole.Trainer], DateTimeOffset.UnixEpoch);
        Assert.Equal("Checklist", Assert.Single(empty.Errors).Field);
        var noWords = ScenarioCard.Create(Card with { Checklist = [new("致歉", [])] }, null, new("u", "孙丽"), [StaffRole.Trainer], DateTimeOffset.UnixEpoch);
        Assert.Contains("关键词", Assert.Single(noWords.Errors).Message);
        Assert.Equal("只有培训师可以编写情景卡片", Assert.Single(ScenarioCard.Create(Card, null, new("u", "李强"), [StaffRole.Handler], DateTimeOffset.UnixEpoch).Errors).Message);
    }

    [Fact]
    public void A_reply_is_reviewed_by_a_trainer_other_than_its_writer_and_the_review_counts()
    {
        var card = ScenarioCard.Create(Card, null, new("t", "孙丽"), [StaffRole.Trainer], DateTimeOffset.UnixEpoch).Value!;
        var handler = new Actor("h", "李强");
        var answer = DrillAnswer.Submit(card, "对不起，线路检修停电，给您减免。", DrillScoring.Score(Card, "对不起，线路检修停电，给您减免。", []), handler, "城区供电所", DateTimeOffset.UnixEpoch).Value!;

        Assert.Equal("不能点评自己的答复", Assert.Single(answer.ReviewBy(handler, [StaffRole.Trainer], 90, "很好，很好", DateTimeOffset.UnixEpoch).Errors).Message);
        Assert.Equal("Score", Assert.Single(answer.ReviewBy(new("t", "孙丽"), [StaffRole.Trainer], 120, "很好，很好", DateTimeOffset.UnixEpoch).Errors).Field);
        Assert.True(answer.ReviewBy(new("t", "孙丽"), [StaffRole.Trainer], 85, "致歉到位，补偿时限没说清", DateTimeOffset.UnixEpoch).Succeeded);
        Assert.Equal((100, 85), (answer.Automatic.Score, answer.Score));
        var second = answer.ReviewBy(new("t2", "钱程"), [StaffRole.Trainer], 60, "补偿时限没说清楚", DateTimeOffset.UnixEpoch);
        Assert.StartsWith("该答复已由孙丽于", Assert.Single(second.Errors).Message);
        Assert.Equal(85, answer.Score);
    }

    [Fact]
    public void A_quiz_question_counts_only_when_exactly_the_correct_options_are_chosen()
    {
        var quiz = Quiz.Create("服务忌语测验",
        [
            new("以下哪些是服务忌语？", ["规定就是这样", "请您稍候", "你自己看合同"], [0, 2], "两者都是 §002 点名的忌语"),
            new("投诉回访率要求是多少？", ["80%", "95%", "100%"], [2], "必须 100%"),
        ], publish: true, new("t", "孙丽"), [StaffRole.Trainer], DateTimeOffset.UnixEpoch).Value!;

        Assert.Equal(2, quiz.Mark([[2, 0], [2]]));
        Assert.Equal(1, quiz.Mark([[0], [2]]));
        var attempt = QuizAttempt.Take(quiz, [[0, 2], [1]], new("h", "李强"), "城区供电所", DateTimeOffset.UnixEpoch).Value!;
        Assert.Equal((1, 2, 50), (attempt.Correct, attempt.Total, attempt.Score));
        Assert.Equal("第 2 题尚未作答", Assert.Single(QuizAttempt.Take(quiz, [[0]], new("h", "李强"), "城区供电所", DateTimeOffset.UnixEpoch).Errors).Message);
    }

    [Fact]
    public void A_question_needs_options_and_a_correct_answer()
    {
        var errors = Quiz.Check("测验", [new("只有一个选项的题", ["是"], [], "")]);
        Assert.Equal(["第 1 题：须有 2–6 个选项，每个不超过 100 字", "第 1 题：请标出正确答案"], errors.Select(e => e.Message));
    }
}
