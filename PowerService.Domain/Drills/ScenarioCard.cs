using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;

namespace PowerService.Domain.Drills;

/// <summary>
/// One thing a good answer contains, and the words that show it: any one of <see cref="Keywords"/>
/// found in the reply (however punctuated, full-width or traditional) meets the item.
/// </summary>
public sealed record ChecklistItem(string Description, IReadOnlyList<string> Keywords, int Weight = 1);

/// <summary>What a card says: the situation, the customer's words for role play, and what a good answer contains.</summary>
public sealed record CardContent(string Title, string Situation, string CustomerWords, IReadOnlyList<ChecklistItem> Checklist)
{
    public static class Limits
    {
        public const int Title = 60, Text = 2000, Items = 10, Description = 60, Keywords = 12, Keyword = 20, MaxWeight = 5;
    }

    public static IReadOnlyList<FieldRule<CardContent>> Rules { get; } =
    [
        new(nameof(Title), c => TextRules.AtLeast(c.Title, 4) && TextRules.WithinLength(c.Title, Limits.Title), $"请填写标题（4–{Limits.Title} 字）"),
        new(nameof(Situation), c => TextRules.AtLeast(c.Situation, 10) && TextRules.WithinLength(c.Situation, Limits.Text), $"请描述情景（10–{Limits.Text} 字）"),
        new(nameof(CustomerWords), c => TextRules.AtLeast(c.CustomerWords, 4) && TextRules.WithinLength(c.CustomerWords, Limits.Text), $"请写出客户的原话（4–{Limits.Text} 字）"),
        new(nameof(Title), c => new[] { c.Title, c.Situation, c.CustomerWords }.All(TextRules.IsPlainText), "卡片内容只能是纯文本"),
        new(nameof(Checklist), c => c.Checklist.Count is > 0 and <= Limits.Items, $"请列出好的答复应包含的要点（1–{Limits.Items} 项）"),
        new(nameof(Checklist), c => c.Checklist.All(i => TextRules.AtLeast(i.Description, 2) && TextRules.WithinLength(i.Description, Limits.Description) && TextRules.IsPlainText(i.Description)),
            $"每个要点须有说明（2–{Limits.Description} 字，纯文本）"),
        new(nameof(Checklist), c => c.Checklist.All(i => i.Keywords.Count is > 0 and <= Limits.Keywords && i.Keywords.All(k => k.Trim().Length is > 0 and <= Limits.Keyword && TextRules.IsPlainText(k))),
            $"每个要点须有 1–{Limits.Keywords} 个关键词（每个不超过 {Limits.Keyword} 字），答复中出现其一即算做到"),
        new(nameof(Checklist), c => c.Checklist.All(i => i.Weight is >= 1 and <= Limits.MaxWeight), $"要点分值为 1–{Limits.MaxWeight}"),
    ];
}

/// <summary>
/// A scenario card for role play (docs/domain.md §9, seed 000 技能提升专项训练): made by a trainer,
/// usually from a published case; anyone on staff answers it; retired cards are no longer offered.
/// </summary>
public sealed class ScenarioCard
{
    private ScenarioCard() { } // for EF Core

    public int Id { get; private set; }
    public int Revision { get; private set; }
    public int? SourceCaseId { get; private set; }
    public CardContent Content { get; private set; } = null!;
    public bool Active { get; private set; }
    public Actor Author { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static StepResult<ScenarioCard> Create(CardContent content, int? sourceCaseId, Actor by, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (!roles.Contains(StaffRole.Trainer)) return new(null, StepResult.Refused("只有培训师可以编写情景卡片"));
        var errors = FieldRule<CardContent>.Check(content, CardContent.Rules);
        if (errors.Count > 0) return new(null, StepResult.Refused(errors));
        return new(new ScenarioCard { Content = Clean(content), SourceCaseId = sourceCaseId, Active = true, Author = by, CreatedAt = at, UpdatedAt = at }, StepResult.Success);
    }

    public StepResult Edit(CardContent content, bool active, IReadOnlyCollection<StaffRole> roles, DateTimeOffset at)
    {
        if (!roles.Contains(StaffRole.Trainer)) return StepResult.Refused("只有培训师可以修改情景卡片");
        var errors = FieldRule<CardContent>.Check(content, CardContent.Rules);
        if (errors.Count > 0) return StepResult.Refused(errors);
        (Content, Active, UpdatedAt) = (Clean(content), active, at);
        Revision++;
        return StepResult.Success;
    }

    private static CardContent Clean(CardContent c) => new(c.Title.Trim(), c.Situation.Trim(), c.CustomerWords.Trim(),
        [.. c.Checklist.Select(i => new ChecklistItem(i.Description.Trim(), [.. i.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct()], i.Weight))]);
}
