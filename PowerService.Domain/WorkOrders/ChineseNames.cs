using PowerService.Domain.Complaints;

namespace PowerService.Domain.WorkOrders;

/// <summary>
/// The Chinese names a platform's export uses for channels, categories, urgencies, customer types and
/// complainant profiles: this product's own labels and the synonyms common in 12398 / 12345 / 95598 exports.
/// Compared after <see cref="Key"/> (full-width made plain, spaces and separators dropped, letters upper-case).
/// </summary>
public static class ChineseNames
{
    public static IReadOnlyDictionary<string, Channel> Channels { get; } = Build(Enum.GetValues<Channel>().Select(c => (Labels.Of(c), c)).Concat(
    [
        ("12398", Channel.Regulator12398), ("12398热线", Channel.Regulator12398), ("能源监管热线", Channel.Regulator12398), ("国家能源局12398", Channel.Regulator12398),
        ("12398能源监管", Channel.Regulator12398), ("能源局", Channel.Regulator12398),
        ("12345", Channel.Government12345), ("12345热线", Channel.Government12345), ("政务热线", Channel.Government12345), ("市长热线", Channel.Government12345),
        ("12345政务服务便民热线", Channel.Government12345), ("政务服务便民热线", Channel.Government12345), ("政府热线", Channel.Government12345),
        ("95598", Channel.Hotline95598), ("95598热线", Channel.Hotline95598), ("国网客服", Channel.Hotline95598), ("供电服务热线", Channel.Hotline95598),
        ("营业厅", Channel.ServiceHall), ("柜台", Channel.ServiceHall), ("供电营业厅", Channel.ServiceHall),
        ("电话", Channel.Phone), ("来电", Channel.Phone),
        ("网上国网", Channel.App), ("APP", Channel.App), ("掌上电力", Channel.App), ("手机APP", Channel.App),
        ("微信", Channel.WeChat), ("微信公众号", Channel.WeChat), ("公众号", Channel.WeChat),
        ("媒体", Channel.Media), ("舆情", Channel.Media), ("微博", Channel.Media), ("新闻媒体", Channel.Media), ("网络舆情", Channel.Media),
    ]));

    public static IReadOnlyDictionary<string, Category> Categories { get; } = Build(Enum.GetValues<Category>().Select(c => (Labels.Of(c), c)).Concat(
    [
        ("电费", Category.Billing), ("电价", Category.Billing), ("电费电价", Category.Billing), ("计量", Category.Billing), ("电表", Category.Billing),
        ("电能计量", Category.Billing), ("抄表", Category.Billing), ("抄表收费", Category.Billing), ("营业投诉", Category.Billing), ("电费电价计量", Category.Billing),
        ("停电", Category.Supply), ("供电质量", Category.Supply), ("停送电", Category.Supply), ("停送电投诉", Category.Supply), ("供电质量投诉", Category.Supply),
        ("电压", Category.Supply), ("电压质量", Category.Supply), ("停电供电质量", Category.Supply),
        ("抢修", Category.Repair), ("故障", Category.Repair), ("故障报修", Category.Repair), ("技术故障", Category.Repair), ("抢修技术故障", Category.Repair),
        ("电网建设", Category.Repair), ("电网建设投诉", Category.Repair),
        ("服务态度", Category.Conduct), ("服务规范", Category.Conduct), ("服务", Category.Conduct), ("服务投诉", Category.Conduct), ("态度", Category.Conduct),
        ("服务质量", Category.Conduct), ("服务态度规范", Category.Conduct),
        ("其他", Category.Other), ("其它", Category.Other),
    ]));

    public static IReadOnlyDictionary<string, Urgency> Urgencies { get; } = Build(Enum.GetValues<Urgency>().Select(u => (Labels.Of(u), u)).Concat(
    [
        ("普通", Urgency.Normal), ("正常", Urgency.Normal), ("一般件", Urgency.Normal), ("低", Urgency.Normal), ("中", Urgency.Normal), ("常规", Urgency.Normal),
        ("加急", Urgency.Urgent), ("急", Urgency.Urgent), ("较急", Urgency.Urgent), ("急件", Urgency.Urgent), ("高", Urgency.Urgent), ("紧急件", Urgency.Urgent),
        ("特别紧急", Urgency.Critical), ("非常紧急", Urgency.Critical), ("十分紧急", Urgency.Critical), ("特急件", Urgency.Critical), ("特级", Urgency.Critical), ("最高", Urgency.Critical),
    ]));

    public static IReadOnlyDictionary<string, CustomerType> CustomerTypes { get; } = Build(Enum.GetValues<CustomerType>().Select(t => (Labels.Of(t), t)).Concat(
    [
        ("居民客户", CustomerType.Residential), ("低压居民", CustomerType.Residential), ("个人", CustomerType.Residential), ("居民用户", CustomerType.Residential), ("城乡居民", CustomerType.Residential),
        ("非居民", CustomerType.Commercial), ("企业", CustomerType.Commercial), ("商业", CustomerType.Commercial), ("工业", CustomerType.Commercial), ("低压非居民", CustomerType.Commercial),
        ("工商业客户", CustomerType.Commercial), ("单位", CustomerType.Commercial),
        ("重要客户", CustomerType.KeyAccount), ("高压", CustomerType.KeyAccount), ("高压客户", CustomerType.KeyAccount), ("VIP", CustomerType.KeyAccount), ("大客户", CustomerType.KeyAccount),
    ]));

    public static IReadOnlyDictionary<string, ComplainantProfile> Profiles { get; } = Build(Enum.GetValues<ComplainantProfile>().Select(p => (Labels.Of(p), p)).Concat(
    [
        ("理智", ComplainantProfile.Rational), ("理性", ComplainantProfile.Rational), ("理性型", ComplainantProfile.Rational),
        ("情绪", ComplainantProfile.Emotional), ("情绪激动", ComplainantProfile.Emotional), ("激动", ComplainantProfile.Emotional),
        ("高关注", ComplainantProfile.HighAttention), ("重点关注", ComplainantProfile.HighAttention), ("敏感", ComplainantProfile.HighAttention), ("敏感客户", ComplainantProfile.HighAttention),
    ]));

    /// <summary>How a name is compared: full-width made plain, spaces and separators (/ - · 、) dropped, letters upper-case.</summary>
    public static string Key(string text) =>
        new(CellText.Normalise(text).Where(c => !char.IsWhiteSpace(c) && c is not ('/' or '-' or '·' or '、' or '_' or '—' or '|')).Select(char.ToUpperInvariant).ToArray());

    private static Dictionary<string, T> Build<T>(IEnumerable<(string Name, T Value)> names)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, value) in names) result.TryAdd(Key(name), value);
        return result;
    }
}
