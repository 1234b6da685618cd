using PowerService.Domain.Documents;

namespace PowerService.Tests.Domain.Documents;

/// <summary>Chinese line breaking with a fixed-width measure: CJK 1 unit per character, Latin 0.5.</summary>
public class LineBreakerTests
{
    private static float Measure(string s) => s.Sum(c => c < 0x2E80 ? 0.5f : 1f);

    private static IReadOnlyList<string> Break(string text, float width) => LineBreaker.Break(text, Measure, width);

    [Fact]
    public void Chinese_text_breaks_between_any_two_characters()
    {
        Assert.Equal(["供电公司已", "核实停电原", "因"], Break("供电公司已核实停电原因", 5));
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_line()
    {
        var lines = Break("经核实情况属实。请客户放心", 7);

        Assert.Equal(["经核实情况属", "实。请客户放心"], lines); // "实" moves down with its "。"
        Assert.All(lines, l => Assert.DoesNotContain(l[0], "，。、；：？！）」》"));
    }

    [Fact]
    public void An_opening_bracket_never_ends_a_line()
    {
        var lines = Break("补偿标准为（按停电时长计算）", 6);

        Assert.All(lines, l => Assert.DoesNotContain(l[^1], "（「《"));
        Assert.Equal("补偿标准为（按停电时长计算）", string.Concat(lines));
    }

    [Fact]
    public void Latin_words_and_numbers_stay_whole()
    {
        var lines = Break("工单NEA20261123001已于2026-11-25答复", 8);

        Assert.Contains(lines, l => l.Contains("NEA20261123001"));
        Assert.Equal("工单NEA20261123001已于2026-11-25答复", string.Concat(lines));
    }

    [Fact]
    public void A_number_wider_than_the_line_is_cut_rather_than_overflowing()
    {
        var lines = Break("12345678901234567890", 4);

        Assert.All(lines, l => Assert.True(Measure(l) <= 4));
        Assert.Equal("12345678901234567890", string.Concat(lines));
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept()
    {
        Assert.Equal(["第一段", "", "第二段"], Break("第一段\n\n第二段", 10));
    }
}
