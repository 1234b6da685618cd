using PowerService.Domain.Complaints.Steps;

namespace PowerService.Domain.Complaints;

/// <summary>
/// Suggests the remedy of docs/domain.md §5 (投诉补救与补偿) for a complaint's type. A suggestion only:
/// the handler decides and records the compensation with the resolution.
/// </summary>
public static class CompensationAdvisor
{
    public static Compensation Suggest(Category category, string? subCategory) => (category, subCategory) switch
    {
        (Category.Supply, "计划停电未通知") => new(CompensationKind.BillReduction, "承认未按规定提前通知，按停电时长比例减免当月电费", null),
        (Category.Billing, "电费账单错误" or "电价执行错误" or "电表计量异常" or "电费突增") =>
            new(CompensationKind.Refund, "说明差错原因，全额退还多收电费，并免费提供一次能效检查", null),
        (Category.Repair, "抢修响应慢") => new(CompensationKind.BillReduction, "减免延误期间电费，并赠送一台用电保护装置，防止再次发生", null),
        (Category.Conduct, _) => new(CompensationKind.Apology, "诚恳道歉，并说明服务改进措施", null),
        _ => new(CompensationKind.None, null, null),
    };
}
