using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Domain.Cases;

/// <summary>Which published cases are shown beside a complaint: the same kind of problem told in the same words first.</summary>
public sealed class CaseSimilarityTests
{
    private static readonly Complaint Outage = ComplaintBuilder.Registered(); // 计划停电未通知: "11月20日全天停电，事先没有收到任何停电通知…"

    private static CaseSubject Subject(int id, Category category, string sub, string text) => new(id, category, sub, text);

    [Fact]
    public void The_same_sub_category_told_in_the_same_words_ranks_first_and_unrelated_text_not_at_all()
    {
        var sameWords = Subject(1, Category.Supply, "计划停电未通知", "计划停电前没有收到停电通知，冰箱食物变质");
        var sameKind = Subject(2, Category.Supply, "计划停电未通知", "检修公告张贴位置不明显");
        var otherKindSameWords = Subject(3, Category.Supply, "频繁停电", "停电通知没有收到，全天停电");
        var unrelated = Subject(4, Category.Billing, "电费突增", "阶梯电价解释不清");

        var ranked = CaseSimilarity.MostSimilar(Outage, [unrelated, sameKind, otherKindSameWords, sameWords], count: 4);

        Assert.Equal([1, 3, 2], ranked.Select(r => r.Subject.Id));
        Assert.True(CaseSimilarity.Score(Outage, unrelated) < CaseSimilarity.Threshold);
    }

    [Fact]
    public void At_most_the_asked_number_are_returned() =>
        Assert.Equal(3, CaseSimilarity.MostSimilar(Outage, Enumerable.Range(1, 10).Select(i => Subject(i, Category.Supply, "计划停电未通知", "停电通知"))).Count);

    [Theory]
    [InlineData("停电通知", "停电通知", 1.0)]
    [InlineData("停电", "电费", 0.0)]
    [InlineData("停电，通知", "电通", 0.0)] // punctuation breaks a pair
    public void Dice_over_character_pairs(string a, string b, double expected) =>
        Assert.Equal(expected, CaseSimilarity.Dice(CaseSimilarity.Bigrams(a), CaseSimilarity.Bigrams(b)), 3);
}
