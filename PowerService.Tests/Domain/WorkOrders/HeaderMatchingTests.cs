using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Domain.WorkOrders;

public sealed class HeaderMatchingTests
{
    [Fact]
    public void The_12398_exports_headers_are_matched_to_their_fields_and_a_row_number_column_is_left_alone()
    {
        var suggested = HeaderMatching.Suggest(Headers12398);

        Assert.Equal(ImportField.UpstreamReference, suggested["工单编号"]);
        Assert.Equal(ImportField.ReceivedAt, suggested["来电时间"]);
        Assert.Equal(ImportField.CustomerName, suggested["客户姓名"]);
        Assert.Equal(ImportField.Phone, suggested["联系电话"]);
        Assert.Equal(ImportField.AccountNumber, suggested["户号"]);
        Assert.Equal(ImportField.Address, suggested["地址"]);
        Assert.Equal(ImportField.Content, suggested["诉求内容"]);
        Assert.Equal(ImportField.Category, suggested["投诉类别"]);
        Assert.Equal(ImportField.Urgency, suggested["紧急程度"]);
        Assert.False(suggested.ContainsKey("序号"));
    }

    [Fact]
    public void A_12345_exports_headers_with_brackets_stars_and_longer_names_are_matched_each_field_once()
    {
        var suggested = HeaderMatching.Suggest(["受理编号*", "受理时间", "诉求人（姓名）", "联系方式", "事发地址", "诉求描述", "问题分类", "客户诉求", "来源渠道", "备注"]);

        Assert.Equal(
        [
            ("受理编号*", ImportField.UpstreamReference), ("受理时间", ImportField.ReceivedAt), ("来源渠道", ImportField.Channel), ("诉求人（姓名）", ImportField.CustomerName),
            ("联系方式", ImportField.Phone), ("事发地址", ImportField.Address), ("问题分类", ImportField.Category), ("诉求描述", ImportField.Content),
            ("客户诉求", ImportField.Demands),
        ], suggested.Select(s => (s.Key, s.Value)).OrderBy(s => s.Value));
        Assert.False(suggested.ContainsKey("备注"));
    }

    [Fact]
    public void A_saved_mapping_keeps_its_choices_and_takes_suggestions_for_new_columns_only()
    {
        var saved = new ColumnMapping(new Dictionary<string, ImportField> { ["编号"] = ImportField.UpstreamReference, ["内容"] = ImportField.Content }, Defaults12398);

        var mapping = saved.For(["编号", "工单编号", "内容", "来电时间"]);

        Assert.Equal(ImportField.UpstreamReference, mapping.Columns["编号"]);
        Assert.False(mapping.Columns.ContainsKey("工单编号")); // the field is taken by the saved choice
        Assert.Equal(ImportField.ReceivedAt, mapping.Columns["来电时间"]);
        Assert.Equal(Channel.Regulator12398, mapping.Defaults.Channel);
    }

    [Fact]
    public void A_file_with_the_wrong_columns_is_refused_whole_naming_each_missing_or_doubled_column()
    {
        var problems = MappingCheck.Problems(["工单编号", "来电时间", "姓名", "姓名", "备注"],
            new ColumnMapping(new Dictionary<string, ImportField> { ["工单编号"] = ImportField.UpstreamReference, ["来电时间"] = ImportField.ReceivedAt, ["姓名"] = ImportField.CustomerName, ["联系电话"] = ImportField.Phone }, new ImportDefaults()));

        Assert.Contains("文件中有 2 个名为“姓名”的列，无法确定使用哪一列", problems);
        Assert.Contains("文件中没有映射所需的列“联系电话”（联系电话）：请确认选择的来源或调整映射", problems);
        Assert.Contains("须指定“用电地址”对应的列", problems);
        Assert.Contains("须指定“投诉内容”对应的列", problems);
        Assert.Contains("“投诉渠道”既没有对应的列，也没有设置固定值", problems);
        Assert.Contains("“紧急程度”既没有对应的列，也没有设置固定值", problems);
    }

    [Fact]
    public void Without_an_upstream_reference_column_nothing_can_be_imported_and_the_reason_is_said()
    {
        var mapping = Mapping12398 with { Columns = Mapping12398.Columns.Where(c => c.Value != ImportField.UpstreamReference).ToDictionary() };

        Assert.Equal(["须指定“工单编号”列：重复导入时据此识别同一工单"], MappingCheck.Problems(Headers12398, mapping));
        Assert.Empty(MappingCheck.Problems(Headers12398, Mapping12398));
        Assert.Equal(["文件第一行没有列名：请使用平台导出的原始文件（第一行为表头）"], MappingCheck.Problems(["", " "], Mapping12398));
    }
}
