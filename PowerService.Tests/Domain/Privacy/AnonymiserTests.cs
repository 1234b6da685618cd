using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;

namespace PowerService.Tests.Domain.Privacy;

public class AnonymiserTests
{
    private static readonly Customer Customer = new("张建国", "13812348000", "3300123456", "杭州市西湖区文三路 100 号 2 单元 301 室", CustomerType.Residential, false, null);

    private static string Scrub(string text) => new Anonymiser(Customer).Text(text)!;

    [Theory]
    [InlineData("客户张建国来电", "客户【姓名已匿名】来电")]
    [InlineData("张先生要求回电", "某先生要求回电")]
    [InlineData("回拨 13812348000 未接通", "回拨 【电话已匿名】 未接通")]
    [InlineData("户号3300123456欠费", "户号【户号已匿名】欠费")]
    [InlineData("上门至杭州市西湖区文三路 100 号 2 单元 301 室核实", "上门至【地址已匿名】核实")]
    public void The_customers_own_values_are_replaced_wherever_they_occur(string text, string expected) => Assert.Equal(expected, Scrub(text));

    [Theory]
    [InlineData("其子电话139-1234-5678", "其子电话【电话已匿名】")]
    [InlineData("备用 139 1234 5678", "备用 【电话已匿名】")]
    [InlineData("座机0571-87654321", "座机【电话已匿名】")]
    [InlineData("身份证 33010619800101123X 已核验", "身份证 【证件号已匿名】 已核验")]
    [InlineData("邻居户号 3300987654321 同样停电", "邻居户号 【户号已匿名】 同样停电")]
    [InlineData("表号 87654321", "表号 【户号已匿名】")]
    [InlineData("住莫干山路 25 号 3 幢 502 室", "住莫干山路【门牌号已匿名】")]
    public void Anything_shaped_like_personal_numbers_is_replaced_too(string text, string expected) => Assert.Equal(expected, Scrub(text));

    [Theory]
    [InlineData("合并至 TS202611230001：同一事件")]
    [InlineData("工单 GD2026112300123 已回复")]
    [InlineData("签发《答复》第 1 版，SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("减免当月电费 35.60 元，20261123 起执行，11月2号上门")]
    [InlineData("10kV 文三线计划检修停电 8 小时")]
    public void Codes_amounts_dates_and_digests_are_left_as_they_are(string text) => Assert.Equal(text, Scrub(text));

    [Theory]
    [InlineData("杭州市西湖区文三路 100 号", "杭州市西湖区")]
    [InlineData("浙江省杭州市余杭区临平大道 8 号", "浙江省杭州市余杭区")]
    [InlineData("临安区锦城街道 5 号", "临安区")]
    [InlineData("杭州市文三路社区 5 号", "杭州市")]
    [InlineData("文三路 100 号", null)]
    public void The_district_is_kept_for_reports_and_nothing_finer(string address, string? region) => Assert.Equal(region, Anonymiser.Region(address));

    [Fact]
    public void The_stored_address_keeps_only_its_district()
    {
        Assert.Equal("杭州市西湖区（已匿名）", Anonymiser.AnonymisedAddress(Customer.Address));
        Assert.Equal("已匿名", Anonymiser.AnonymisedAddress("文三路 100 号"));
    }

    [Fact]
    public void Scrubbing_twice_changes_nothing_more()
    {
        var once = Scrub("张建国（13812348000，张先生）住文三路 100 号");

        Assert.Equal(once, Scrub(once));
        Assert.Null(new Anonymiser(Customer).Text(null));
    }
}
