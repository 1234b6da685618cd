using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;

namespace PowerService.Tests.Domain.Privacy;

public class TextMaskingTests
{
    private static readonly Customer Huang = new("黄艳", "16265575989", "3301987654321", "杭州市拱墅区莫干山路140号7单元2703室", CustomerType.Residential, false, null);

    [Fact]
    public void The_customers_own_values_are_masked_wherever_they_were_written()
    {
        var text = "黄艳来电（16265575989），户号3301987654321，住杭州市拱墅区莫干山路140号7单元2703室；另称莫干山路140号7单元2703室常停电。";

        var masked = TextMasking.Mask(text, Huang);

        Assert.Equal("黄*来电（162****5989），户号33*******4321，住杭州市拱墅区…；另称***常停电。", masked);
    }

    [Theory]
    [InlineData("身份证号330102199001011234已核实", "身份证号330***********1234已核实")]
    [InlineData("身份证 33010219900101123x", "身份证 330***********123x")]
    [InlineData("老身份证330102900101123", "老身份证330********1123")]
    [InlineData("邻居电话 139-1234-5678 可作证", "邻居电话 139****5678 可作证")]
    [InlineData("邻居电话13912345678可作证", "邻居电话139****5678可作证")]
    [InlineData("物业座机0571-88886666", "物业座机0571-****6666")]
    [InlineData("另一户号 3300998877", "另一户号 33****8877")]
    public void Anything_shaped_like_an_id_phone_or_account_number_is_masked_whoever_it_belongs_to(string text, string masked) =>
        Assert.Equal(masked, TextMasking.Mask(text, Huang));

    [Theory]
    [InlineData("并入 TS202611230001 处理")]
    [InlineData("减免电费 128.50 元，10kV 文三线 2026-11-20 检修")]
    [InlineData("")]
    public void Complaint_numbers_amounts_and_dates_stay_as_written(string text) => Assert.Equal(text, TextMasking.Mask(text, Huang));
}
