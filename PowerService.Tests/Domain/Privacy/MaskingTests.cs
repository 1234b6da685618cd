using PowerService.Domain.Privacy;

namespace PowerService.Tests.Domain.Privacy;

public class MaskingTests
{
    [Theory]
    [InlineData("13812348000", "138****8000")]
    [InlineData(" 19987654321 ", "199****4321")]
    [InlineData("0571-87654321", "0571-****4321")]
    [InlineData("057187654321", "0571****4321")]
    [InlineData("010-6512345", "010-***2345")]
    [InlineData("123", "***")]
    public void Phone_keeps_the_head_or_area_code_and_the_last_four(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("黄艳", "黄*")]
    [InlineData("王小明", "王**")]
    [InlineData("欧阳", "欧*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李", "*")]
    public void Name_keeps_the_first_character_only(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Theory]
    [InlineData("3300123456", "33****3456")]
    [InlineData("33001234567", "33*****4567")]
    [InlineData("330012345678", "33******5678")]
    [InlineData("3300123456789", "33*******6789")]
    public void Account_keeps_the_region_and_the_last_four(string account, string masked) => Assert.Equal(masked, Masking.AccountNumber(account));

    [Theory]
    [InlineData("110105199003071234", "110***********1234")]
    [InlineData("11010519900307123X", "110***********123X")]
    [InlineData("110105900307123", "110********7123")]
    public void Id_number_never_shows_the_birth_date(string id, string masked)
    {
        Assert.Equal(masked, Masking.IdNumber(id));
        Assert.DoesNotContain("900307", Masking.IdNumber(id));
    }

    [Theory]
    [InlineData("杭州市拱墅区莫干山路140号7单元2703室", "杭州市拱墅区…")]
    [InlineData("浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区…")]
    [InlineData("浙江省金华市义乌市稠城街道工人北路8号", "浙江省金华市义乌市…")]
    [InlineData("浙江省义乌市稠城街道工人北路8号", "浙江省义乌市…")]
    [InlineData("北京市朝阳区建国路88号", "北京市朝阳区…")]
    [InlineData("浙江省杭州市桐庐县城南街道迎春路1号", "浙江省杭州市桐庐县…")]
    [InlineData("内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇", "内蒙古自治区呼伦贝尔市鄂温克族自治旗…")]
    [InlineData("吉林省延边朝鲜族自治州延吉市河南街道", "吉林省延边朝鲜族自治州延吉市…")]
    [InlineData("广州市天河区天河路208号", "广州市天河区…")]
    [InlineData("杭州市阳光小区3幢501室", "杭州市…")]
    [InlineData("莫干山路140号7单元2703室", "***")]
    public void Address_is_cut_after_its_district(string address, string masked) => Assert.Equal(masked, Masking.Address(address));
}
