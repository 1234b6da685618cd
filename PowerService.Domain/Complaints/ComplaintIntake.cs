using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints;

/// <summary>
/// Everything typed at 受理登记. Nullable where the form can leave a field empty, so that a
/// missing value is a field message, not a crash. <see cref="Check"/> is the one set of intake rules.
/// </summary>
public sealed record ComplaintIntake
{
    public Channel? Channel { get; init; }
    public string? UpstreamReference { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public string? CustomerName { get; init; }
    public string? Phone { get; init; }
    public string? AccountNumber { get; init; }
    public string? Address { get; init; }
    public CustomerType? CustomerType { get; init; }
    public bool IsSpecialGroup { get; init; }
    public string? SpecialGroupNote { get; init; }
    public Category? Category { get; init; }
    public string? SubCategory { get; init; }
    public Urgency? Urgency { get; init; }
    public string? Content { get; init; }
    public string? Demands { get; init; }
    public string? ExpectedOutcome { get; init; }
    public ComplainantProfile? Profile { get; init; }

    private static readonly IReadOnlyList<FieldRule<ComplaintIntake>> Rules =
    [
        new(nameof(Channel), i => i.Channel is not null, "请选择投诉渠道"),
        new(nameof(UpstreamReference), i => i.Channel?.NeedsUpstreamReference() != true || TextRules.Present(i.UpstreamReference),
            "95598、12398、12345 渠道须填写上级工单编号"),
        new(nameof(UpstreamReference), i => TextRules.IsReference(i.UpstreamReference), "工单编号为 4–40 位字母、数字或连字符"),
        new(nameof(ReceivedAt), i => i.ReceivedAt is not null, "请填写客户来电/来访时间"),
        new(nameof(CustomerName), i => TextRules.Present(i.CustomerName), "请填写客户姓名"),
        new(nameof(CustomerName), i => TextRules.IsPersonName(i.CustomerName), "客户姓名只能包含汉字、字母和间隔号，最多 30 字"),
        new(nameof(Phone), i => TextRules.Present(i.Phone), "请填写联系电话"),
        new(nameof(Phone), i => TextRules.IsPhone(i.Phone), "联系电话格式不正确：手机为 11 位数字，座机如 0571-87654321"),
        new(nameof(AccountNumber), i => TextRules.IsAccountNumber(i.AccountNumber), "户号为 10–13 位数字"),
        .. CommonRules.RequiredText<ComplaintIntake>(nameof(Address), "用电地址", i => i.Address, 200),
        new(nameof(CustomerType), i => i.CustomerType is not null, "请选择客户类型"),
        new(nameof(SpecialGroupNote), i => !i.IsSpecialGroup || TextRules.Present(i.SpecialGroupNote), "请说明特殊群体情况（如高龄、残障、听障）"),
        .. CommonRules.OptionalText<ComplaintIntake>(nameof(SpecialGroupNote), "特殊群体说明", i => i.SpecialGroupNote, Limits.ShortText),
        new(nameof(Category), i => i.Category is not null, "请选择投诉类别"),
        new(nameof(SubCategory), i => i.Category is null || SubCategories.IsValid(i.Category.Value, i.SubCategory), "请选择该类别下的子类"),
        new(nameof(Urgency), i => i.Urgency is not null, "请选择紧急程度"),
        .. CommonRules.RequiredText<ComplaintIntake>(nameof(Content), "投诉内容", i => i.Content),
        new(nameof(Content), i => !TextRules.Present(i.Content) || TextRules.AtLeast(i.Content, 10), "投诉内容至少 10 字，请记录完整"),
        .. CommonRules.RequiredText<ComplaintIntake>(nameof(Demands), "客户诉求", i => i.Demands, Limits.Note),
        .. CommonRules.RequiredText<ComplaintIntake>(nameof(ExpectedOutcome), "客户期望结果", i => i.ExpectedOutcome, Limits.Note),
        new(nameof(Profile), i => i.Profile is not null, "请选择投诉人类型"),
    ];

    /// <summary>Field messages for everything wrong with this intake, as of <paramref name="now"/>.</summary>
    public IReadOnlyList<FieldError> Check(DateTimeOffset now)
    {
        var errors = FieldRule<ComplaintIntake>.Check(this, Rules).ToList();
        if (ReceivedAt is { } received)
        {
            if (received > now.AddMinutes(5)) errors.Add(new(nameof(ReceivedAt), "来电/来访时间不能晚于当前时间"));
            else if (received < now.AddDays(-30)) errors.Add(new(nameof(ReceivedAt), "来电/来访时间不能早于 30 天前"));
        }
        return errors;
    }

    internal Customer ToCustomer() => new(
        TextRules.Clean(CustomerName)!, TextRules.Clean(Phone)!, TextRules.Clean(AccountNumber), TextRules.Clean(Address)!,
        CustomerType!.Value, IsSpecialGroup, IsSpecialGroup ? TextRules.Clean(SpecialGroupNote) : null);
}
