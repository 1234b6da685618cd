using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Domain.Sla;

/// <summary>
/// One row of the editable SLA policy: for complaints matching channel × category × urgency (null
/// matches any), the limit of one clock. <see cref="Source"/> says where the figure comes from.
/// </summary>
public sealed record SlaRule(Channel? Channel, Category? Category, Urgency? Urgency, ClockKind Clock, TimeLimit Limit, string Source)
{
    public int Specificity => (Channel is null ? 0 : 1) + (Category is null ? 0 : 1) + (Urgency is null ? 0 : 1);

    public bool Matches(Channel channel, Category category, Urgency urgency) =>
        (Channel is null || Channel == channel) && (Category is null || Category == category) && (Urgency is null || Urgency == urgency);
}

/// <summary>
/// The policy in force: for each clock, the most specific matching rule wins; between equally
/// specific rules, the stricter one (earlier deadline from the same start), because a complaint
/// that is both urgent and from 12398 must meet both.
/// </summary>
public sealed class SlaPolicy(IReadOnlyList<SlaRule> rules)
{
    public IReadOnlyList<SlaRule> Rules { get; } = rules;

    public SlaRule? RuleFor(ClockKind clock, Channel channel, Category category, Urgency urgency, DateTimeOffset start, WorkingCalendar calendar, BusinessHours hours)
    {
        var matching = Rules.Where(r => r.Clock == clock && r.Matches(channel, category, urgency)).ToList();
        if (matching.Count == 0) return null;
        var best = matching.Max(r => r.Specificity);
        return matching.Where(r => r.Specificity == best)
            .MinBy(r => Deadlines.Compute(start, r.Limit, calendar, hours).Due);
    }

    /// <summary>Starts a clock under this policy; null when the policy has no rule for it.</summary>
    public SlaClock? Start(ClockKind clock, Channel channel, Category category, Urgency urgency, DateTimeOffset start, WorkingCalendar calendar, BusinessHours hours)
    {
        if (RuleFor(clock, channel, category, urgency, start, calendar, hours) is not { } rule) return null;
        var deadline = Deadlines.Compute(start, rule.Limit, calendar, hours);
        return new SlaClock(clock, rule.Limit, start, deadline.Due, null, deadline.UsedFallbackCalendar, rule.Source);
    }

    /// <summary>
    /// The default rules (docs/domain.md, "Time limits"); admins edit them per company and year. Each
    /// names its source in words a user understands: the company's complaint rules, State Grid's
    /// 95598 rules, the 12398 regulator's rules, the local 12345 rules, or this system's own default.
    /// </summary>
    public static SlaPolicy Default { get; } = new(
    [
        new(null, null, Urgency.Normal, ClockKind.FirstResponse, TimeLimit.Hours(24), "公司投诉处理办法：一般投诉 24 小时内响应"),
        new(null, null, Urgency.Urgent, ClockKind.FirstResponse, TimeLimit.Hours(2), "公司投诉处理办法：紧急投诉 2 小时内响应"),
        // "立即" as a clock: due at the moment of the call it would be breached by construction, so the
        // default allows the 15 minutes an agent needs to start the emergency plan.
        new(null, null, Urgency.Critical, ClockKind.FirstResponse, TimeLimit.Minutes(15), "公司投诉处理办法：特急投诉立即响应（按 15 分钟内计）"),
        new(null, null, null, ClockKind.CustomerContact, TimeLimit.Hours(2), "公司投诉处理办法：一般投诉 2 小时内电话联系客户"),
        new(null, null, Urgency.Urgent, ClockKind.CustomerContact, TimeLimit.Minutes(30), "公司投诉处理办法：紧急投诉 30 分钟内联系客户"),
        new(null, null, Urgency.Critical, ClockKind.CustomerContact, TimeLimit.Minutes(30), "公司投诉处理办法：特急投诉 30 分钟内联系客户"),
        new(Channel.Hotline95598, null, null, ClockKind.CustomerContact, TimeLimit.Hours(24), "国家电网95598服务规范：投诉 24 小时内联系客户"),
        new(null, null, null, ClockKind.Handling, TimeLimit.WorkingDays(7), "公司供电服务标准：按业务类型 1–7 个工作日办结"),
        new(null, Category.Billing, null, ClockKind.Handling, TimeLimit.WorkingDays(3), "公司供电服务标准：电费异议 3 个工作日内办结"),
        new(Channel.Hotline95598, null, null, ClockKind.Handling, TimeLimit.WorkingDays(4), "国家电网95598服务规范：投诉 4 个工作日内处理答复"),
        new(Channel.Regulator12398, null, null, ClockKind.Handling, TimeLimit.WorkingDays(10), "12398能源监管热线投诉处理办法：10 个工作日内处理并书面答复"),
        new(Channel.Government12345, null, null, ClockKind.Handling, TimeLimit.CalendarDays(7), "12345政务服务便民热线办理规定（各地不同）：一般 7 天内办结"),
        new(null, null, Urgency.Urgent, ClockKind.Handling, TimeLimit.WorkingDays(1), "本系统默认：紧急投诉 1 个工作日内处理"),
        new(null, null, Urgency.Critical, ClockKind.Handling, TimeLimit.Hours(24), "本系统默认：特急投诉 24 小时内处理"),
        new(null, null, null, ClockKind.FirstRevisit, TimeLimit.Hours(24), "公司投诉处理办法：处理完成后 24 小时内首次回访"),
        new(null, null, null, ClockKind.SecondRevisit, TimeLimit.CalendarDays(8), "公司投诉处理办法：7 天后二次回访（第 8 天内完成）"),
        new(null, null, null, ClockKind.Improvement, TimeLimit.WorkingDays(10), "本系统默认：总结改进 10 个工作日内提交整改措施"),
    ]);
}
