using System.ComponentModel;
using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.Api;

/// <summary>
/// A work order as an upstream system sends it. Coded values may be written as this API's codes
/// (Regulator12398, Billing, Urgent…) or as the Chinese names the platforms' exports use (12398、电费电价、紧急…).
/// </summary>
[Description("外部工单：上级系统（12398、12345、95598 等）转来的一件投诉。")]
public sealed record WorkOrderRequest
{
    [Description("投诉渠道：Hotline95598、Regulator12398、Government12345、ServiceHall、Phone、App、WeChat、Media，或其中文名（如 12398）。接口客户端只准提交管理员为其开通的渠道；只开通一个渠道时可省略。")]
    public string? Channel { get; init; }

    [Description("上级工单编号（4–40 位字母、数字或连字符）。同一渠道的同一编号只登记一次：重复发送返回原投诉编号，不会重复登记。")]
    public string? UpstreamReference { get; init; }

    [Description("客户来电/来访时间（ISO 8601，带时区，如 2026-12-07T09:30:00+08:00），不早于 30 天前。")]
    public DateTimeOffset? ReceivedAt { get; init; }

    [Description("客户姓名（汉字、字母和间隔号，最多 30 字）。")]
    public string? CustomerName { get; init; }

    [Description("联系电话：手机 11 位，座机如 0571-87654321。")]
    public string? Phone { get; init; }

    [Description("户号（10–13 位数字），可省略。")]
    public string? AccountNumber { get; init; }

    [Description("用电地址（最多 200 字）。")]
    public string? Address { get; init; }

    [Description("客户类型：Residential 居民、Commercial 工商业、KeyAccount 大客户，或其中文名。")]
    public string? CustomerType { get; init; }

    [Description("特殊群体说明（高龄、残障、听障等）；填写即按特殊群体优先办理。")]
    public string? SpecialGroupNote { get; init; }

    [Description("投诉类别：Billing 电费电价/计量、Supply 停电/供电质量、Repair 抢修/技术故障、Conduct 服务态度/规范、Other 其他，或其中文名；也可直接写子类名。")]
    public string? Category { get; init; }

    [Description("该类别下的子类（如 计划停电未通知）；省略时归入该类别的“其他”。")]
    public string? SubCategory { get; init; }

    [Description("紧急程度：Normal 一般、Urgent 紧急、Critical 特急，或其中文名。")]
    public string? Urgency { get; init; }

    [Description("投诉内容（至少 10 字）。")]
    public string? Content { get; init; }

    [Description("客户诉求。")]
    public string? Demands { get; init; }

    [Description("客户期望结果。")]
    public string? ExpectedOutcome { get; init; }

    [Description("投诉人类型：Rational 理智型、Emotional 情绪型、HighAttention 高关注度，或其中文名；省略为理智型。")]
    public string? Profile { get; init; }

    /// <summary>
    /// The intake this order makes for <paramref name="client"/>, or the field messages (keyed by this
    /// record's JSON names) of what cannot be read. The intake rules themselves are checked on registration.
    /// </summary>
    public (ComplaintIntake? Intake, Dictionary<string, string[]> Errors) ToIntake(ApiClient client)
    {
        var errors = new Dictionary<string, string[]>();
        T? Read<T>(string field, string? text, Func<string, Parsed<T>> parse) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (IsCode<T>(text) is { } code) return code;
            var parsed = parse(text);
            if (parsed.Error is null) return parsed.Value;
            errors[field] = [parsed.Error];
            return null;
        }

        var channel = Read("channel", Channel, ValueParsing.Channel);
        if (channel is null && !errors.ContainsKey("channel"))
        {
            if (client.Channels.Count == 1) channel = client.Channels[0];
            else errors["channel"] = [$"请填写投诉渠道（该接口客户端开通了：{Allowed(client)}）"];
        }
        else if (channel is { } c && !client.Channels.Contains(c))
            errors["channel"] = [$"该接口客户端不能提交“{PowerService.Domain.Labels.Of(c)}”渠道的工单（已开通：{Allowed(client)}）"];
        var customerType = Read("customerType", CustomerType, ValueParsing.CustomerType);
        var urgency = Read("urgency", Urgency, ValueParsing.Urgency);
        var profile = Read("profile", Profile, ValueParsing.Profile) ?? (errors.ContainsKey("profile") ? null : ComplainantProfile.Rational);
        (Category Category, string? SubCategory)? classified = null;
        if (IsCode<Category>(Category) is { } categoryCode) classified = (categoryCode, null);
        else if (!string.IsNullOrWhiteSpace(Category))
        {
            var named = ValueParsing.Category(Category);
            if (named.Error is null) classified = named.Value;
            else errors["category"] = [named.Error];
        }
        string? subCategory = null;
        if (classified is { } chosen)
        {
            var sub = ValueParsing.SubCategory(chosen.Category, SubCategory ?? chosen.SubCategory);
            if (sub.Error is null) subCategory = sub.Value;
            else errors["subCategory"] = [sub.Error];
        }
        if (errors.Count > 0) return (null, errors);

        return (new ComplaintIntake
        {
            Channel = channel,
            UpstreamReference = UpstreamReference,
            ReceivedAt = ReceivedAt,
            CustomerName = CustomerName,
            Phone = Phone is null ? null : ValueParsing.Phone(Phone),
            AccountNumber = AccountNumber,
            Address = Address,
            CustomerType = customerType,
            IsSpecialGroup = !string.IsNullOrWhiteSpace(SpecialGroupNote),
            SpecialGroupNote = SpecialGroupNote,
            Category = classified?.Category,
            SubCategory = subCategory,
            Urgency = urgency,
            Content = Content,
            Demands = Demands,
            ExpectedOutcome = ExpectedOutcome,
            Profile = profile,
        }, errors);
    }

    /// <summary>An API code (Regulator12398, Billing…), case aside; numbers are names ("12398"), not enum values.</summary>
    private static T? IsCode<T>(string? text) where T : struct, Enum =>
        text?.Trim() is { Length: > 0 } t && !t.All(char.IsAsciiDigit) && Enum.TryParse<T>(t, ignoreCase: true, out var code) && Enum.IsDefined(code) ? code : null;

    private static string Allowed(ApiClient client) => string.Join("、", client.Channels.Select(PowerService.Domain.Labels.Of));

    /// <summary>The JSON name of an intake field, for a registration's field messages.</summary>
    public static string JsonName(string intakeField) => intakeField switch
    {
        "" => "",
        nameof(ComplaintIntake.IsSpecialGroup) => "specialGroupNote",
        _ => char.ToLowerInvariant(intakeField[0]) + intakeField[1..],
    };
}
