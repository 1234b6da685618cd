using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Tests.Domain.WorkOrders;

public class DispatcherTests
{
    private static readonly DispatchRule Billing = new(1, "电费类", Category.Billing, null, null, "营销部（计量）", null, OnTypedIntake: false);
    private static readonly DispatchRule Meters = new(2, "电表计量", Category.Billing, "电表计量异常", null, "营销部（计量）", "计量", OnTypedIntake: true);
    private static readonly DispatchRule Suburb = new(3, "郊区停电", Category.Supply, null, "余杭区", "郊区供电所", null, OnTypedIntake: true);
    private static readonly DispatchRule[] Rules = [Billing, Meters, Suburb];

    [Fact]
    public void The_most_specific_matching_rule_takes_the_complaint()
    {
        Assert.Equal(Meters, Dispatcher.RuleFor(Rules, Category.Billing, "电表计量异常", "西湖区文三路", typedIntake: false));
        Assert.Equal(Billing, Dispatcher.RuleFor(Rules, Category.Billing, "电费突增", "西湖区文三路", typedIntake: false));
        Assert.Equal(Suburb, Dispatcher.RuleFor(Rules, Category.Supply, "频繁停电", "杭州市余杭区良渚街道", typedIntake: false));
        Assert.Null(Dispatcher.RuleFor(Rules, Category.Supply, "频繁停电", "杭州市西湖区", typedIntake: false));
    }

    [Fact]
    public void A_typed_intake_is_dispatched_only_by_rules_that_say_so()
    {
        Assert.Null(Dispatcher.RuleFor(Rules, Category.Billing, "电费突增", "西湖区", typedIntake: true));
        Assert.Equal(Meters, Dispatcher.RuleFor(Rules, Category.Billing, "电表计量异常", "西湖区", typedIntake: true));
    }

    [Fact]
    public void The_handler_with_the_skill_and_the_fewest_open_complaints_is_chosen()
    {
        DispatchCandidate[] staff =
        [
            new("u1", "孙丽", "营销部（计量）", ["计量"], 5),
            new("u2", "钱多", "营销部（计量）", ["抄核收"], 0),
            new("u3", "陈亮", "营销部（计量）", ["计量", "抄核收"], 2),
            new("u4", "李强", "城区供电所", ["计量"], 0),
        ];

        var decision = Dispatcher.Decide(Meters, staff)!;

        Assert.Equal("u3", decision.Handler.UserId);
        Assert.Equal("按派单规则“电表计量”自动派单，技能“计量”，在办 2 件最少", decision.Explanation);
        Assert.Equal("u2", Dispatcher.Decide(Billing, staff)!.Handler.UserId); // no skill asked: anyone of the department
    }

    [Fact]
    public void Equal_workloads_go_to_the_name_first_in_order_and_nobody_suitable_leaves_it_undispatched()
    {
        DispatchCandidate[] tied = [new("u9", "钱多", "营销部（计量）", ["计量"], 1), new("u8", "孙丽", "营销部（计量）", ["计量"], 1)];
        Assert.Equal(Dispatcher.Decide(Meters, tied)!.Handler.UserId, Dispatcher.Decide(Meters, [.. tied.Reverse()])!.Handler.UserId);
        Assert.Null(Dispatcher.Decide(Meters, [new("u2", "钱多", "营销部（计量）", ["抄核收"], 0)]));
    }

    [Fact]
    public void A_rule_as_typed_is_checked_field_by_field()
    {
        string[] departments = ["营销部（计量）", "郊区供电所"];
        Assert.Empty(Meters.Check(departments));
        var bad = new DispatchRule(0, "", null, "电表计量异常", "区", "不存在的部门", null, false).Check(departments);
        Assert.Equal(["Name", "Department", "SubCategory", "Area"], bad.Select(e => e.Field));
        Assert.Equal("请至少选择类别或填写区域，否则规则会接收全部投诉",
            new DispatchRule(0, "全部", null, null, null, "郊区供电所", null, false).Check(departments).Single().Message);
    }
}
