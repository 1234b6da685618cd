using PowerService.Domain.Complaints;

namespace PowerService.Tests.Domain.Complaints;

/// <summary>The remedies of docs/domain.md §5, by complaint type.</summary>
public class CompensationAdvisorTests
{
    [Theory]
    [InlineData(Category.Supply, "计划停电未通知", CompensationKind.BillReduction)]
    [InlineData(Category.Billing, "电费账单错误", CompensationKind.Refund)]
    [InlineData(Category.Repair, "抢修响应慢", CompensationKind.BillReduction)]
    [InlineData(Category.Conduct, "服务态度差", CompensationKind.Apology)]
    [InlineData(Category.Other, "设备噪音", CompensationKind.None)]
    public void Suggests_the_remedy_for_the_complaint_type(Category category, string sub, CompensationKind kind)
    {
        var suggestion = CompensationAdvisor.Suggest(category, sub);

        Assert.Equal(kind, suggestion.Kind);
        Assert.Equal(kind != CompensationKind.None, !string.IsNullOrEmpty(suggestion.Detail));
    }

    [Fact]
    public void Late_repair_suggests_a_protective_device_as_well()
    {
        Assert.Contains("保护装置", CompensationAdvisor.Suggest(Category.Repair, "抢修响应慢").Detail);
    }
}
