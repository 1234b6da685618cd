using PowerService.Domain.Text;
using PowerService.Domain.Wording;

namespace PowerService.Web.Features.Wording;

/// <summary>An admin's edit of one dictionary entry; Id 0 is a new phrase.</summary>
public sealed class PhraseForm
{
    public int Id { get; set; }
    public int Revision { get; set; }
    public string Phrase { get; set; } = "";
    public string Better { get; set; } = "";
    public string Situation { get; set; } = "";
    public bool Blocks { get; set; } = true;
    public bool Enabled { get; set; } = true;

    public static IReadOnlyList<FieldRule<PhraseForm>> Rules { get; } =
    [
        new(nameof(Phrase), f => WordingCheck.Normalise(f.Phrase ?? "").Text.Length >= 2, "请填写忌语（至少 2 个字，标点和空格不计）"),
        new(nameof(Phrase), f => TextRules.WithinLength(f.Phrase, ForbiddenPhrase.Limits.Phrase), $"忌语不能超过 {ForbiddenPhrase.Limits.Phrase} 字"),
        new(nameof(Phrase), f => TextRules.IsPlainText(f.Phrase), "忌语只能是纯文本"),
        new(nameof(Better), f => TextRules.AtLeast(f.Better, 2), "请填写规范用语（建议改为的说法）"),
        new(nameof(Better), f => TextRules.WithinLength(f.Better, ForbiddenPhrase.Limits.Better), $"规范用语不能超过 {ForbiddenPhrase.Limits.Better} 字"),
        new(nameof(Better), f => TextRules.IsPlainText(f.Better), "规范用语只能是纯文本"),
        new(nameof(Situation), f => TextRules.WithinLength(f.Situation, ForbiddenPhrase.Limits.Situation), $"适用场景不能超过 {ForbiddenPhrase.Limits.Situation} 字"),
        new(nameof(Situation), f => TextRules.IsPlainText(f.Situation), "适用场景只能是纯文本"),
    ];
}
