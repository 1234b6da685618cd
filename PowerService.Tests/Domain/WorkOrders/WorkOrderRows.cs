using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Domain.WorkOrders;

/// <summary>A 12398 platform export as the tests write it: its headers, a valid row, and the source's mapping.</summary>
public static class WorkOrderRows
{
    public static readonly string[] Headers12398 = ["序号", "工单编号", "来电时间", "客户姓名", "联系电话", "户号", "地址", "诉求内容", "投诉类别", "紧急程度"];

    /// <summary>Received an hour before the tests' clock (ComplaintBuilder.Start, 09:30 China time).</summary>
    public static string[] Valid(int n, string? reference = null) =>
    [
        n.ToString(), reference ?? $"GD12398{n:D8}", "2026-11-23 08:30", "张建国", "138 1234 8000", "3300123456",
        "杭州市拱墅区湖墅南路 88 号", "客户反映本月电费比上月高出一倍，怀疑电表计量有误，要求核查。", "电费电价/计量-电费突增", "一般",
    ];

    public static ImportDefaults Defaults12398 => new()
    {
        Channel = Channel.Regulator12398, CustomerType = CustomerType.Residential, Profile = ComplainantProfile.Rational,
        Demands = "按 12398 转办要求核查处理并书面答复", ExpectedOutcome = "问题得到解决并获书面答复",
    };

    public static ColumnMapping Mapping12398 => new ColumnMapping(new Dictionary<string, ImportField>(), Defaults12398).For(Headers12398);

    public static ImportRow Row(int number, params string?[] cells) => new(number, cells);

    public static ParsedRow Parse(params string?[] cells) =>
        new WorkOrderRowParser(Headers12398, Mapping12398).Parse(Row(2, cells), ComplaintBuilder.Start);

    public static string[] With(this string[] row, string header, string? value)
    {
        var copy = row.ToArray();
        copy[Array.IndexOf(Headers12398, header)] = value!;
        return copy;
    }
}
