using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;
using PowerService.Tests.Domain.Complaints;
using static PowerService.Tests.Domain.WorkOrders.WorkOrderRows;

namespace PowerService.Tests.Domain.WorkOrders;

public sealed class WorkOrderRowParserTests
{
    [Fact]
    public void A_valid_row_becomes_the_intake_with_the_sources_fixed_values_and_the_category_cells_sub_category()
    {
        var row = Parse(Valid(1));

        Assert.True(row.Valid);
        var intake = row.Intake!;
        Assert.Equal((Channel.Regulator12398, "GD1239800000001", "13812348000", "3300123456"), (intake.Channel, intake.UpstreamReference, intake.Phone, intake.AccountNumber));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(8)), intake.ReceivedAt);
        Assert.Equal((Category.Billing, "电费突增", Urgency.Normal), (intake.Category, intake.SubCategory, intake.Urgency));
        Assert.Equal((CustomerType.Residential, ComplainantProfile.Rational), (intake.CustomerType, intake.Profile));
        Assert.Equal("按 12398 转办要求核查处理并书面答复", intake.Demands);
        Assert.Empty(intake.Check(ComplaintBuilder.Start));
        Assert.Equal($"{(int)Channel.Regulator12398}|GD1239800000001", row.Key);
    }

    [Fact]
    public void A_category_without_a_sub_category_takes_its_catch_all()
    {
        var intake = Parse(Valid(1).With("投诉类别", "停电")).Intake!;

        Assert.Equal((Category.Supply, "其他供电问题"), (intake.Category, intake.SubCategory));
    }

    [Fact]
    public void Every_error_of_a_row_is_listed_at_its_column_and_a_cell_that_cannot_be_read_is_said_once()
    {
        var row = Parse(Valid(1).With("来电时间", "2026-11-31 08:30").With("联系电话", "12345").With("紧急程度", "火急").With("客户姓名", "").With("诉求内容", "停电了"));

        Assert.False(row.Valid);
        Assert.Null(row.Intake);
        Assert.Equal(
        [
            ("来电时间", "无法识别的时间“2026-11-31 08:30”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）"),
            ("紧急程度", "无法识别的紧急程度“火急”（可填：一般、紧急、特急）"),
            ("客户姓名", "请填写客户姓名"),
            ("联系电话", "联系电话格式不正确：手机为 11 位数字，座机如 0571-87654321"),
            ("诉求内容", "投诉内容至少 10 字，请记录完整"),
        ], row.Errors.Select(e => (e.Column, e.Message)));
        Assert.All(row.Errors, e => Assert.Equal(2, e.Row));
        Assert.StartsWith("来电时间：无法识别的时间", ImportError.Join(row.Errors));
    }

    [Fact]
    public void The_intake_rules_apply_to_imported_rows_as_to_typed_ones()
    {
        Assert.Equal("来电/来访时间不能晚于当前时间", Assert.Single(Parse(Valid(1).With("来电时间", "2026-11-23 12:00")).Errors).Message);
        Assert.Equal("来电/来访时间不能早于 30 天前", Assert.Single(Parse(Valid(1).With("来电时间", "2026-10-01 12:00")).Errors).Message);
        Assert.Equal(("工单编号", "95598、12398、12345 渠道须填写上级工单编号"), Single(Parse(Valid(1).With("工单编号", " "))));
        Assert.Equal(("户号", "户号为 10–13 位数字"), Single(Parse(Valid(1).With("户号", "33-01"))));
        Assert.Equal(("诉求内容", "投诉内容只能是纯文本，不能包含 HTML 标记、控制字符或表情符号"), Single(Parse(Valid(1).With("诉求内容", "<script>alert(1)</script>电费太高了不合理"))));
    }

    [Fact]
    public void A_value_missing_from_both_the_cell_and_the_fixed_values_names_the_field()
    {
        var mapping = Mapping12398 with { Defaults = Defaults12398 with { CustomerType = null } };
        var row = new WorkOrderRowParser(Headers12398, mapping).Parse(Row(7, Valid(1)), ComplaintBuilder.Start);

        Assert.Equal((7, "客户类型（固定值）", "请选择客户类型"), (Assert.Single(row.Errors).Row, row.Errors[0].Column, row.Errors[0].Message));
    }

    [Fact]
    public void Excel_serial_times_are_read_from_an_xlsx_date_cell()
    {
        // 2026-11-23 08:30 China time
        Assert.True(Parse(Valid(1).With("来电时间", "46349.354166666664")).Valid);
    }

    [Fact]
    public void Duplicate_rows_in_a_file_import_the_first_and_refuse_the_rest_naming_it()
    {
        var parser = new WorkOrderRowParser(Headers12398, Mapping12398);
        var duplicates = new DuplicateRows();
        var rows = new[] { Valid(1, "GD-A-0001"), Valid(2, "GD-B-0002"), Valid(3, "gd-a-0001"), Valid(1, "GD-A-0001") }
            .Select((cells, i) => duplicates.Check(parser.Parse(Row(i + 2, cells), ComplaintBuilder.Start))).ToList();

        Assert.Equal([true, true, false, false], rows.Select(r => r.Valid));
        Assert.Equal("与第 2 行是同一工单（渠道和工单编号相同），文件内重复，只导入第 2 行", Assert.Single(rows[3].Errors).Message);
        Assert.Equal(2, duplicates.Count);
    }

    private static (string, string) Single(ParsedRow row) => (Assert.Single(row.Errors).Column, row.Errors[0].Message);
}
