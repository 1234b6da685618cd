namespace PowerService.Domain.WorkOrders;

/// <summary>
/// Column headers as the 12398 / 12345 / 95598 platforms and common call-centre systems export them,
/// matched to intake fields: exactly (after removing spaces, brackets and "*"), else by a known word
/// the header contains. The person checks and corrects the suggestion in the mapping step.
/// </summary>
public static class HeaderMatching
{
    private static readonly (ImportField Field, string[] Names)[] Known =
    [
        (ImportField.UpstreamReference, ["工单编号", "工单号", "工单编码", "受理编号", "受理单号", "诉求编号", "投诉编号", "单号", "编号", "流水号", "热线编号", "工单id"]),
        (ImportField.ReceivedAt, ["来电时间", "受理时间", "投诉时间", "登记时间", "来话时间", "诉求时间", "来访时间", "派单时间", "创建时间", "提交时间", "反映时间", "转办时间"]),
        (ImportField.Channel, ["来源渠道", "渠道", "来源", "受理渠道", "投诉渠道", "工单来源", "诉求来源"]),
        (ImportField.CustomerName, ["客户姓名", "来电人", "来电人姓名", "投诉人", "投诉人姓名", "诉求人", "反映人", "联系人", "姓名", "客户名称", "户名", "市民姓名"]),
        (ImportField.Phone, ["联系电话", "来电号码", "联系方式", "手机号码", "手机号", "电话", "手机", "回访电话", "联系号码", "主叫号码"]),
        (ImportField.AccountNumber, ["户号", "用户编号", "客户编号", "用电户号", "电力户号", "客户号"]),
        (ImportField.Address, ["地址", "用电地址", "客户地址", "诉求地址", "事发地址", "联系地址", "详细地址", "发生地址", "事发地点"]),
        (ImportField.CustomerType, ["客户类型", "用户类型", "客户类别", "用户类别", "用电类别"]),
        (ImportField.Category, ["投诉类别", "诉求类别", "业务类型", "问题类型", "投诉类型", "问题分类", "工单类型", "类别", "分类", "诉求分类", "投诉分类"]),
        (ImportField.SubCategory, ["投诉子类", "子类", "二级分类", "问题子类", "细类", "小类", "二级类别"]),
        (ImportField.Urgency, ["紧急程度", "紧急度", "缓急程度", "优先级", "紧急级别", "工单等级"]),
        (ImportField.Content, ["诉求内容", "投诉内容", "来电内容", "反映内容", "问题描述", "工单内容", "内容", "事项描述", "诉求描述", "受理内容"]),
        (ImportField.Demands, ["客户诉求", "诉求要点", "诉求点", "主要诉求", "客户要求", "诉求"]),
        (ImportField.ExpectedOutcome, ["期望结果", "客户期望结果", "期望", "处理期望", "客户期望"]),
        (ImportField.Profile, ["投诉人类型", "客户性格", "来电人类型"]),
        (ImportField.SpecialGroupNote, ["特殊群体", "特殊群体说明", "特殊客户"]),
    ];

    /// <summary>A field for each header that names one, each field at most once (the first header that names it exactly wins, then the first that contains a name).</summary>
    public static IReadOnlyDictionary<string, ImportField> Suggest(IReadOnlyList<string> headers)
    {
        var result = new Dictionary<string, ImportField>();
        var taken = new HashSet<ImportField>();
        var trimmed = headers.Select(h => h.Trim()).Where(h => h.Length > 0).Distinct().ToList();
        foreach (var header in trimmed)
            if (Exact(header) is { } field && taken.Add(field)) result[header] = field;
        foreach (var header in trimmed.Where(h => !result.ContainsKey(h)))
            if (Containing(header) is { } field && taken.Add(field)) result[header] = field;
        return result;
    }

    public static ImportField? Exact(string header)
    {
        var key = Key(header);
        foreach (var (field, names) in Known)
            if (names.Any(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase))) return field;
        return null;
    }

    private static ImportField? Containing(string header)
    {
        var key = Key(header);
        // Longest names first: "客户诉求" is a demand, "诉求内容" the content, not both "诉求".
        return Known.SelectMany(k => k.Names.Select(n => (k.Field, Name: n)))
            .Where(k => k.Name.Length >= 2 && key.Contains(k.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(k => k.Name.Length)
            .Select(k => (ImportField?)k.Field)
            .FirstOrDefault();
    }

    private static string Key(string header) =>
        new(CellText.Normalise(header).Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '(' or ')' or '（' or '）' or ':' or '：')).ToArray());
}
