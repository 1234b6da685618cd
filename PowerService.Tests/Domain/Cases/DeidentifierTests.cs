using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;

namespace PowerService.Tests.Domain.Cases;

/// <summary>Each shape the de-identifier replaces, each ordinary number it leaves, and where its placeholders are.</summary>
public sealed class DeidentifierTests
{
    private static readonly Customer Customer = new("欧阳秀英", "15967834521", "3302765432109", "宁波市鄞州区天童南路588号3幢1单元1802室", CustomerType.Residential, false, null);
    private static readonly Dictionary<string, string> Staff = new() { ["李强"] = "处理人员", ["王芳"] = "受理人员" };

    private static string Clean(string text, string? form = null) => new Deidentifier(Customer, Staff, form).Apply(text).Text;

    [Theory]
    [InlineData("欧阳秀英来电反映频繁停电", "欧阳客户来电反映频繁停电")]
    [InlineData("欧阳女士要求赔偿", "某女士要求赔偿")]
    [InlineData("住址宁波市鄞州区天童南路588号3幢1单元1802室", "住址宁波市鄞州区【详细地址】")]
    [InlineData("家在天童南路588号3幢1单元1802室", "家在【详细地址】")]
    [InlineData("回电15967834521", "回电【电话】")]
    [InlineData("户号3302765432109", "户号【户号】")]
    [InlineData("李强上门，王芳受理", "处理人员上门，受理人员受理")]
    public void The_customers_own_values_and_staff_names_are_replaced(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Fact]
    public void The_customer_is_called_by_the_form_of_address_the_record_gives() =>
        Assert.Equal("欧阳女士来电", Clean("欧阳秀英来电", "女士"));

    [Theory]
    [InlineData("手机 138-1234-8000", "手机 【电话】")]
    [InlineData("请回电 138 1234 8000", "请回电 【电话】")]
    [InlineData("电话：１３８１２３４８０００", "电话：【电话】")]
    [InlineData("+86 13812348000", "【电话】")]
    [InlineData("手机尾号8000的客户", "手机尾号【电话】的客户")]
    [InlineData("后四位为 8000", "后四位为 【电话】")]
    [InlineData("座机0571-87654321", "座机【电话】")]
    [InlineData("座机(0571)87654321", "座机【电话】")]
    [InlineData("办公电话 8765 4321", "办公电话 【电话】")]
    [InlineData("身份证330105198807154321", "身份证【证件号】")]
    [InlineData("证件 330105 19880715 432X", "证件 【证件号】")]
    [InlineData("旧证 330105880715432", "旧证 【证件号】")]
    [InlineData("户号 33012 34567 890", "户号 【户号】")]
    [InlineData("银行卡6222 0212 3456 7890 123", "银行卡【银行卡号】")]
    [InlineData("卡号6228480402564890018", "卡号【银行卡号】")]
    [InlineData("邮箱 zhang.san88@163.com 收", "邮箱 【邮箱】 收")]
    [InlineData("邻居住在阳光花园3栋2单元501", "邻居住在【详细地址】")]
    [InlineData("客户反映莫干山路140号7单元2703室停电", "客户反映【详细地址】停电")]
    [InlineData("李家村5组12号", "【详细地址】")]
    [InlineData("杭州市拱墅区文三路 100 号 2 单元 301 室", "杭州市拱墅区【详细地址】")]
    [InlineData("抢修车浙A·D12345到场", "抢修车【车牌号】到场")]
    [InlineData("车牌浙A12345", "车牌【车牌号】")]
    public void What_people_type_is_replaced_whoever_it_belongs_to(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("核定赔偿 435 元，另减免 1,280.50元")]
    [InlineData("2026-07-15 停电 3 小时，14:30 复电")]
    [InlineData("2026年7月15日至20260720")]
    [InlineData("表底 12345.6 度，读数 08231")]
    [InlineData("工单 TS202607150012（GD2026112300123）")]
    [InlineData("10kV 城南线，220V 电压偏低 15%，配变 400 kVA")]
    [InlineData("10千伏城南线 3 号杆")]
    [InlineData("SHA-256 3f6a9c0e51d2b7a48e0f9c1d2b3a4e5f60718293a4b5c6d7e8f9012345678901")]
    public void Ordinary_numbers_stay(string text) => Assert.Equal(text, Clean(text));

    [Fact]
    public void Each_placeholder_is_located_in_the_output_with_its_kind()
    {
        var result = new Deidentifier(Customer, Staff).Apply("欧阳秀英（身份证330105198807154321）请李强回电15967834521");

        Assert.Equal([RedactionKind.CustomerName, RedactionKind.IdNumber, RedactionKind.StaffName, RedactionKind.Phone], result.Redactions.Select(r => r.Kind));
        Assert.Equal(["欧阳客户", "【证件号】", "处理人员", "【电话】"], result.Redactions.Select(r => result.Text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void The_trainer_masks_more_everywhere_and_earlier_placeholders_keep_their_places()
    {
        var first = new Deidentifier(Customer, Staff).Apply("回电15967834521，小区门卫老周说老周家也停电");

        var more = Deidentifier.MaskMore(first, "老周");

        Assert.Equal("回电【电话】，小区门卫【已遮盖】说【已遮盖】家也停电", more.Text);
        Assert.Equal([RedactionKind.Phone, RedactionKind.Manual, RedactionKind.Manual], more.Redactions.Select(r => r.Kind));
        Assert.All(more.Redactions, r => Assert.StartsWith("【", more.Text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public void Masking_a_phrase_inside_a_placeholder_leaves_the_placeholder_whole() =>
        Assert.Equal("回电【电话】", Deidentifier.MaskMore(new Deidentifier(Customer, Staff).Apply("回电15967834521"), "电话").Text);
}
