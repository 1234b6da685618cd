using PowerService.Domain;
using PowerService.Domain.Cases;
using PowerService.Domain.Documents;
using PowerService.Domain.Time;

namespace PowerService.Web.Features.Cases;

/// <summary>A case printed for a training session: the standard format of §9, on the existing renderer (A4, 第 N 页 共 M 页).</summary>
public static class CaseDocument
{
    public static DocumentSpec Build(TrainingCase training, CaseContent content, int? version)
    {
        List<DocumentBlock> blocks =
        [
            new KeyValueTable(
            [
                new("案例编号", $"#{training.Id}" + (version is { } v ? $"（第 {v} 版）" : "（未发布草稿）")),
                new("分类", $"{Labels.Of(training.Category)} · {training.SubCategory}"),
                new("受理渠道", Labels.Of(training.Channel)),
                new("处理结果", Labels.Of(training.Outcome)),
                new("年份", $"{training.Year} 年"),
                new("标签", content.Tags.Count == 0 ? "—" : string.Join("、", content.Tags)),
            ]),
            new Heading("一、案例背景"), .. Paragraphs(content.Background),
            new Heading("二、处理过程"), .. Paragraphs(content.Process),
            new Heading("三、解决方案"), .. Paragraphs(content.Solution),
            new Heading("四、经验教训"),
            new Paragraph("成功经验：", Indent: false), .. Paragraphs(content.LessonsWorked),
            new Paragraph("失败教训与改进：", Indent: false), .. Paragraphs(content.LessonsFailed),
        ];
        if (version is { } number && training.Versions.FirstOrDefault(x => x.Number == number) is { } published)
            blocks.Add(new Paragraph($"本案例已去除客户个人信息，仅供内部培训使用。编写：{published.Editor.DisplayName}；审核发布：{published.ApprovedBy.DisplayName}，{ChinaTime.Format(published.PublishedAt)}。", Indent: false));
        else
            blocks.Add(new Paragraph("本案例为未发布草稿，已去除客户个人信息，仅供内部审核使用。", Indent: false));
        return new DocumentSpec(content.Title, "投诉处理培训案例", blocks, $"案例 #{training.Id}");
    }

    private static IEnumerable<DocumentBlock> Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (DocumentBlock)new Paragraph(p));
}
