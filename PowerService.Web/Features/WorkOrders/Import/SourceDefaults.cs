using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Features.WorkOrders.Import;

/// <summary>
/// The sources a new installation starts with: the 12398 and 12345 hotlines' exports, with their usual
/// headers and the fixed values those platforms do not export. Admins and managers adjust them.
/// </summary>
public static class SourceDefaults
{
    public static IReadOnlyList<(string Name, ColumnMapping Mapping)> All { get; } =
    [
        ("12398能源监管热线", Mapping(Channel.Regulator12398, ["工单编号", "来电时间", "客户姓名", "联系电话", "户号", "地址", "诉求内容", "投诉类别", "紧急程度"],
            "按 12398 转办要求核查处理，并向派出机构书面答复", "问题得到解决，并获得书面答复")),
        ("12345政务热线", Mapping(Channel.Government12345, ["工单编号", "来电时间", "来电人", "联系电话", "诉求地址", "诉求内容", "诉求分类", "紧急程度"],
            "按 12345 转办要求核查处理，并按时回复办理结果", "问题得到解决，并获得办理结果回复")),
    ];

    private static ColumnMapping Mapping(Channel channel, string[] headers, string demands, string expected) =>
        new ColumnMapping(new Dictionary<string, ImportField>(), new ImportDefaults
        {
            Channel = channel, Urgency = Urgency.Normal, CustomerType = CustomerType.Residential, Profile = ComplainantProfile.Rational,
            Category = Category.Other, Demands = demands, ExpectedOutcome = expected,
        }).For(headers);
}
