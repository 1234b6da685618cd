using PowerService.Domain.Text;

namespace PowerService.Domain.Cases;

/// <summary>
/// A training case in the standard format of docs/domain.md §9: background, handling process,
/// solution, lessons (what worked and what failed), tags. Always de-identified text: it is built
/// from a complaint only through the de-identifier and edited by trainers after that.
/// </summary>
public sealed record CaseContent(
    string Title,
    string Background,
    string Process,
    string Solution,
    string LessonsWorked,
    string LessonsFailed,
    IReadOnlyList<string> Tags)
{
    public static class Limits
    {
        public const int Title = 60;
        public const int Section = 4000;
        public const int Tag = 12;
        public const int Tags = 10;
    }

    /// <summary>The rules a case must meet to be submitted for review; a draft may be saved unfinished.</summary>
    public static IReadOnlyList<FieldRule<CaseContent>> ReviewRules { get; } =
    [
        new(nameof(Title), c => TextRules.AtLeast(c.Title, 4), "请填写案例标题（至少 4 个字）"),
        new(nameof(Background), c => TextRules.AtLeast(c.Background, 10), "请填写案例背景（至少 10 个字）"),
        new(nameof(Process), c => TextRules.AtLeast(c.Process, 10), "请填写处理过程（至少 10 个字）"),
        new(nameof(Solution), c => TextRules.AtLeast(c.Solution, 10), "请填写解决方案（至少 10 个字）"),
        new(nameof(LessonsWorked), c => TextRules.AtLeast(c.LessonsWorked, 5), "请写明成功的经验（至少 5 个字）"),
        new(nameof(LessonsFailed), c => TextRules.AtLeast(c.LessonsFailed, 5), "请写明失败的教训或可改进之处（至少 5 个字）"),
    ];

    /// <summary>The rules every save must meet: bounded plain text, a few short tags.</summary>
    public static IReadOnlyList<FieldRule<CaseContent>> SaveRules { get; } =
    [
        new(nameof(Title), c => TextRules.WithinLength(c.Title, Limits.Title), $"标题不能超过 {Limits.Title} 字"),
        new(nameof(Background), c => TextRules.WithinLength(c.Background, Limits.Section), $"案例背景不能超过 {Limits.Section} 字"),
        new(nameof(Process), c => TextRules.WithinLength(c.Process, Limits.Section), $"处理过程不能超过 {Limits.Section} 字"),
        new(nameof(Solution), c => TextRules.WithinLength(c.Solution, Limits.Section), $"解决方案不能超过 {Limits.Section} 字"),
        new(nameof(LessonsWorked), c => TextRules.WithinLength(c.LessonsWorked, Limits.Section), $"成功经验不能超过 {Limits.Section} 字"),
        new(nameof(LessonsFailed), c => TextRules.WithinLength(c.LessonsFailed, Limits.Section), $"失败教训不能超过 {Limits.Section} 字"),
        new(nameof(Title), c => Sections(c).All(TextRules.IsPlainText), "案例内容只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"),
        new(nameof(Tags), c => c.Tags.Count <= Limits.Tags, $"标签最多 {Limits.Tags} 个"),
        new(nameof(Tags), c => c.Tags.All(t => t.Trim().Length is > 0 and <= Limits.Tag && TextRules.IsPlainText(t) && !t.Contains('|')), $"每个标签 1–{Limits.Tag} 个字，纯文本，不含“|”"),
    ];

    /// <summary>Trimmed text and distinct, trimmed tags, so two saves of the same words compare equal.</summary>
    public CaseContent Normalised() => new(
        Title.Trim(), Background.Trim(), Process.Trim(), Solution.Trim(), LessonsWorked.Trim(), LessonsFailed.Trim(),
        Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList());

    /// <summary>Every text of the case, for search and for the de-identification check.</summary>
    public static IEnumerable<string> Sections(CaseContent c) =>
        [c.Title, c.Background, c.Process, c.Solution, c.LessonsWorked, c.LessonsFailed];

    /// <summary>All of the case as one text: what the library searches.</summary>
    public string SearchText => string.Join('\n', Sections(this).Append(string.Join(' ', Tags)));

    public bool SameAs(CaseContent other) =>
        Sections(this).SequenceEqual(Sections(other)) && Tags.SequenceEqual(other.Tags);
}
