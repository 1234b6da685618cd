namespace PowerService.Domain.Complaints;

public enum Channel { Hotline95598, Regulator12398, Government12345, ServiceHall, Phone, App, WeChat, Media }

public enum Category { Billing, Supply, Repair, Conduct, Other }

public enum Urgency { Normal, Urgent, Critical }

public enum CustomerType { Residential, Commercial, KeyAccount }

public enum ComplainantProfile { Rational, Emotional, HighAttention }

public enum Responsibility { Company, Customer, ThirdParty, ForceMajeure }

public enum CompensationKind { None, BillReduction, Refund, Apology, ProtectiveDevice, Other }

public enum RevisitRound { First, Second }

public enum RevisitMethod { Phone, Visit, Sms }

public enum Satisfaction { Satisfied, FairlySatisfied, Dissatisfied }

/// <summary>What a complaint turns out to be when it is not a complaint after all (docs/domain.md §2).</summary>
public enum ReclassifiedAs { Enquiry, Suggestion, Praise, HelpRequest, Report }

public static class ChannelExtensions
{
    /// <summary>Channels whose work orders carry the upstream system's reference.</summary>
    public static bool NeedsUpstreamReference(this Channel channel) =>
        channel is Channel.Hotline95598 or Channel.Regulator12398 or Channel.Government12345;
}

/// <summary>Sub-categories per category, from the company's complaint types (docs/domain.md §3).</summary>
public static class SubCategories
{
    private static readonly IReadOnlyDictionary<Category, string[]> ByCategory = new Dictionary<Category, string[]>
    {
        [Category.Billing] = ["电费账单错误", "电表计量异常", "电价执行错误", "电费突增", "其他电费问题"],
        [Category.Supply] = ["计划停电未通知", "频繁停电", "复电不及时", "电压质量问题", "其他供电问题"],
        [Category.Repair] = ["抢修响应慢", "设备故障", "安装施工不规范", "其他抢修问题"],
        [Category.Conduct] = ["服务态度差", "推诿搪塞", "敷衍了事", "办理流程繁琐", "其他服务问题"],
        [Category.Other] = ["设备噪音", "其他"],
    };

    public static IReadOnlyList<string> For(Category category) => ByCategory[category];

    /// <summary>A catch-all sub-category ("其他", "其他电费问题"…): it says nothing to put into a sentence.</summary>
    public static bool IsCatchAll(string subCategory) => subCategory.StartsWith("其他", StringComparison.Ordinal);

    /// <summary>What the complaint is about, for prose: “计划停电未通知”的问题, or the category's topic for a catch-all.</summary>
    public static string Topic(Category category, string subCategory) =>
        IsCatchAll(subCategory) ? $"{Labels.TopicOf(category)}的问题" : $"“{subCategory}”的问题";

    public static bool IsValid(Category category, string? subCategory) =>
        subCategory is not null && ByCategory[category].Contains(subCategory);
}
