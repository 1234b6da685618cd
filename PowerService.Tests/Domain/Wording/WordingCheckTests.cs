using PowerService.Domain.Wording;

namespace PowerService.Tests.Domain.Wording;

/// <summary>Forbidden service phrases found however they are typed, located as typed, and none in the standard phrases.</summary>
public sealed class WordingCheckTests
{
    private static IReadOnlyList<WordingHit> Find(string text) => WordingCheck.Find(text, PhraseBook.Defaults);

    [Theory]
    [InlineData("规定就是这样，没办法", "规定就是这样")]
    [InlineData("规定，就是 这样！", "规定，就是 这样")]              // punctuation and spaces between the characters
    [InlineData("規定就是這樣", "規定就是這樣")]                      // traditional characters
    [InlineData("规 定 就 是 这 样", "规 定 就 是 这 样")]
    [InlineData("你自己看合同吧", "你自己看合同")]
    [InlineData("先交了电费，再说！", "先交了电费，再说")]
    [InlineData("有意见找领导去！", "有意见找领导去")]                  // the longer phrase, not 找领导去 inside it
    [InlineData("这不是我負責的", "这不是我負責的")]                  // mixed forms
    [InlineData("等着吧\u3000", "等着吧")]
    public void A_phrase_is_found_however_it_is_typed_and_located_as_typed(string text, string marked)
    {
        var hit = Assert.Single(Find(text));
        Assert.Equal(marked, text.Substring(hit.Start, hit.Length));
    }

    [Fact]
    public void Full_width_and_case_variants_of_latin_text_count_too()
    {
        var phrases = new[] { new ForbiddenPhrase("no way", "我们尽力办理", "测试") };
        var hit = Assert.Single(WordingCheck.Find("Ｎｏ　Ｗａｙ！", phrases));
        Assert.Equal((0, 6), (hit.Start, hit.Length));
    }

    [Fact]
    public void Every_hit_is_reported_with_its_better_wording()
    {
        var hits = Find("急什么！等着吧。这不是我负责的。");

        Assert.Equal(["急什么", "等着吧", "这不是我负责的"], hits.Select(h => h.Phrase.Phrase));
        Assert.All(hits, h => Assert.False(string.IsNullOrWhiteSpace(h.Phrase.Better)));
    }

    [Theory]
    [InlineData("您好！请坐，请问您有什么事？")]
    [InlineData("请问、请稍候，我们马上为您办理。")]
    [InlineData("对不起，我没听清楚，请您再说一遍。")]
    [InlineData("本月电费您还是按时缴纳，如果怀疑电表超差，可以申请验表。")]
    [InlineData("因为线路检修导致您那里停电了，请谅解，大约会在 16 时送电。")]
    [InlineData("别客气，这是我们应该做的。")]
    [InlineData("您提的意见我们一定慎重考虑，欢迎多提宝贵意见。")]
    [InlineData("麻烦您提供一下户号，谢谢。")]
    public void The_standard_phrases_contain_none(string text) => Assert.Empty(Find(text));

    [Fact]
    public void Only_the_blocking_phrases_stop_a_letter()
    {
        var hits = Find("我不知道具体原因，规定就是这样。");

        Assert.Equal(["不知道", "规定就是这样"], hits.Select(h => h.Phrase.Phrase));
        Assert.Equal(["规定就是这样"], WordingCheck.Blocking(hits));
    }

    [Fact]
    public void The_dictionary_starts_from_the_seeds_with_a_better_wording_for_each()
    {
        Assert.True(PhraseBook.Defaults.Count >= 25);
        Assert.All(PhraseBook.Defaults, p => Assert.DoesNotContain(Find(p.Better), h => h.Phrase.Blocks));
        Assert.Equal(PhraseBook.Defaults.Count, PhraseBook.Defaults.Select(p => p.Phrase).Distinct().Count());
    }
}
