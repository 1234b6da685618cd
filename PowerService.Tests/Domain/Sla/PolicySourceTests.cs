using PowerService.Domain.Sla;

namespace PowerService.Tests.Domain.Sla;

/// <summary>The 依据 column is read by admins: each default rule names its source in words, not by a code.</summary>
public sealed class PolicySourceTests
{
    public static TheoryData<string> Sources => [.. SlaPolicy.Default.Rules.Select(r => r.Source)];

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_default_rule_names_its_source_in_words(string source)
    {
        Assert.DoesNotContain("§", source);
        Assert.DoesNotContain("[reg]", source);
        var named = source.Split('：')[0];
        Assert.Contains(named, new[] { "公司投诉处理办法", "公司供电服务标准", "国家电网95598服务规范", "12398能源监管热线投诉处理办法", "12345政务服务便民热线办理规定（各地不同）", "本系统默认" });
    }
}
