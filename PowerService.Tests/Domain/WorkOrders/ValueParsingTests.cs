using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Tests.Domain.WorkOrders;

public sealed class ValueParsingTests
{
    private static readonly DateTimeOffset SixthAtNineThirty = new(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("2026-12-06 09:30")]
    [InlineData("2026/12/6 9:30:00")]
    [InlineData("2026-12-06 09:30:00")]
    [InlineData("2026.12.06 09:30")]
    [InlineData("2026年12月6日 9:30")]
    [InlineData("2026年12月6日9时30分")]
    [InlineData("２０２６－１２－０６　０９：３０")]
    [InlineData("20261206093000")]
    [InlineData("2026-12-06T09:30:00")]
    [InlineData(" 2026/12/6  9:30 ")]
    public void The_platforms_time_formats_are_read_as_China_time(string text)
    {
        var parsed = ValueParsing.Time(text);

        Assert.Null(parsed.Error);
        Assert.Equal(SixthAtNineThirty, parsed.Value);
    }

    [Theory]
    [InlineData("46362.395833333336")] // Excel's serial for 2026-12-06 09:30
    [InlineData("46362.3958333")]
    public void An_Excel_serial_date_time_is_read_as_China_time(string serial) =>
        Assert.Equal(SixthAtNineThirty, ValueParsing.Time(serial).Value);

    [Theory]
    [InlineData("2026-13-06 09:30", "无法识别的时间“2026-13-06 09:30”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）")]
    [InlineData("昨天上午", "无法识别的时间“昨天上午”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）")]
    [InlineData("2026-12-06", "“2026-12-06”只有日期，缺少时分（如 2026-12-06 09:30 或 2026/12/6 9:30:00）")]
    [InlineData("46362", "“2026-12-06”只有日期，缺少时分（如 2026-12-06 09:30 或 2026/12/6 9:30:00）")]
    [InlineData("12.5", "无法识别的时间“12.5”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）")]
    [InlineData("2026-02-30 10:00", "无法识别的时间“2026-02-30 10:00”（如 2026-12-06 09:30 或 2026/12/6 9:30:00）")]
    public void A_bad_date_says_what_it_read_and_what_is_expected(string text, string message) =>
        Assert.Equal(message, ValueParsing.Time(text).Error);

    [Theory]
    [InlineData("138 1234 8000", "13812348000")]
    [InlineData("138-1234-8000", "13812348000")]
    [InlineData("+86 138 1234 8000", "13812348000")]
    [InlineData("８６１３８１２３４８０００", "13812348000")]
    [InlineData("13812348000，0571-87654321", "13812348000")]
    [InlineData("(0571)87654321", "0571-87654321")]
    [InlineData("0571 8765 4321", "0571-87654321")]
    [InlineData("010-12345678", "010-12345678")]
    [InlineData("02112345678", "021-12345678")]
    [InlineData("无", "无")]
    public void Phones_lose_their_spaces_dashes_and_country_code(string text, string expected) =>
        Assert.Equal(expected, ValueParsing.Phone(text));

    [Theory]
    [InlineData("12398", Channel.Regulator12398)]
    [InlineData("12398能源监管热线", Channel.Regulator12398)]
    [InlineData("能源监管热线", Channel.Regulator12398)]
    [InlineData("市长热线", Channel.Government12345)]
    [InlineData("12345 政务服务便民热线", Channel.Government12345)]
    [InlineData("掌上电力", Channel.App)]
    [InlineData("ａｐｐ", Channel.App)]
    [InlineData("微博", Channel.Media)]
    public void Channels_are_read_by_their_labels_and_synonyms(string text, Channel expected) =>
        Assert.Equal(expected, ValueParsing.Channel(text).Value);

    [Theory]
    [InlineData("电费电价/计量", Category.Billing, null)]
    [InlineData("电费", Category.Billing, null)]
    [InlineData("电费突增", Category.Billing, "电费突增")]
    [InlineData("停电/供电质量-计划停电未通知", Category.Supply, "计划停电未通知")]
    [InlineData("停送电投诉", Category.Supply, null)]
    [InlineData("故障报修", Category.Repair, null)]
    [InlineData("服务投诉 > 推诿搪塞", Category.Conduct, "推诿搪塞")]
    [InlineData("其它", Category.Other, null)]
    public void Categories_are_read_with_a_sub_category_when_the_cell_names_one(string text, Category category, string? sub) =>
        Assert.Equal((category, sub), ValueParsing.Category(text).Value);

    [Fact]
    public void Unknown_names_list_what_may_be_written()
    {
        Assert.Equal("无法识别的紧急程度“火急”（可填：一般、紧急、特急）", ValueParsing.Urgency("火急").Error);
        Assert.Equal("无法识别的投诉渠道“抖音”（可填：12398、12345、95598、营业厅、电话、网上国网、微信、媒体）", ValueParsing.Channel("抖音").Error);
        Assert.StartsWith("无法识别的投诉类别“水费”", ValueParsing.Category("水费").Error);
        Assert.Equal("“电表坏了”不是“停电/供电质量”下的子类（可填：计划停电未通知、频繁停电、复电不及时、电压质量问题、其他供电问题）",
            ValueParsing.SubCategory(Category.Supply, "电表坏了").Error);
    }

    [Theory]
    [InlineData("加急", Urgency.Urgent)]
    [InlineData("特别紧急", Urgency.Critical)]
    [InlineData("普通", Urgency.Normal)]
    public void Urgencies_are_read_by_their_synonyms(string text, Urgency expected) =>
        Assert.Equal(expected, ValueParsing.Urgency(text).Value);

    [Fact]
    public void A_code_a_spreadsheet_turned_into_scientific_notation_is_refused_and_an_Excel_number_loses_its_decimal()
    {
        Assert.Equal("户号“3.30012E+12”被表格软件显示为科学计数法，位数已丢失：请将该列设为文本后重新导出", ValueParsing.Code("3.30012E+12", "户号").Error);
        Assert.Equal("3300123456", ValueParsing.Code("3300123456.0", "户号").Value);
        Assert.Equal("GD-2026-001", ValueParsing.Code(" ＧＤ-2026-001 ", "工单编号").Value);
    }
}
