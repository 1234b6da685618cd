using PowerService.Domain.Privacy;

namespace PowerService.Tests.Domain.Privacy;

public class MaskingTests
{
    [Theory]
    [InlineData("13812348000", "138****8000")]
    [InlineData("0571-87654321", "057******4321")]
    [InlineData("123", "***")]
    public void Phone_keeps_the_head_and_the_last_four(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("王小明", "王**")]
    [InlineData("欧阳", "欧*")]
    [InlineData("李", "*")]
    public void Name_keeps_the_family_name(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void Account_keeps_the_head_and_the_last_four() => Assert.Equal("33****3456", Masking.AccountNumber("3300123456"));
}
