using Bunit;
using PowerService.Web.Features.Wording;

namespace PowerService.Tests.Components;

/// <summary>The hint under a customer-facing text: the phrase as typed, its better wording, and a click that puts it in place.</summary>
public sealed class WordingHintsTests : ComponentTestBase
{
    [Fact]
    public void A_phrase_typed_is_named_with_its_better_wording_and_replaced_on_a_click()
    {
        string? replaced = null;
        var hints = Render<WordingHints>(p => p
            .Add(h => h.Text, "经核实，規定 就是 這樣，请理解。")
            .Add(h => h.TextChanged, (string v) => replaced = v));

        hints.WaitForAssertion(() => Assert.Contains("服务忌语“規定 就是 這樣”", hints.Find("[data-testid=wording-hint]").TextContent));
        Assert.Contains("根据相关规定需要这样办理", hints.Markup);
        hints.Find("[data-testid=wording-replace]").Click();

        Assert.Equal("经核实，根据相关规定需要这样办理，我来为您详细说明原因和依据，请理解。", replaced);
    }

    [Fact]
    public void Polite_text_shows_nothing()
    {
        var hints = Render<WordingHints>(p => p.Add(h => h.Text, "请您稍候，我们马上为您办理。"));

        Assert.Empty(hints.FindAll("[data-testid=wording-hints]"));
    }
}
