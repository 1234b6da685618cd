using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>Builders for the rules most text fields share: required, length, plain text.</summary>
internal static class CommonRules
{
    public static IEnumerable<FieldRule<T>> RequiredText<T>(string field, string label, Func<T, string?> get, int max = Limits.Text)
    {
        yield return new(field, x => TextRules.Present(get(x)), $"请填写{label}");
        foreach (var rule in OptionalText(field, label, get, max)) yield return rule;
    }

    public static IEnumerable<FieldRule<T>> OptionalText<T>(string field, string label, Func<T, string?> get, int max = Limits.Text)
    {
        yield return new(field, x => TextRules.WithinLength(get(x), max), $"{label}不能超过 {max} 字");
        yield return new(field, x => TextRules.IsPlainText(get(x)), $"{label}只能是纯文本，不能包含 HTML 标记、控制字符或表情符号");
    }
}
