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

    /// <summary>The defaults of domain.md §3–4 and §10; admins edit them per company and year.</summary>
    public static SlaPolicy Default { get; } = new(
    [
        new(null, null, Urgency.Normal, ClockKind.FirstResponse, TimeLimit.Hours(24), "§002 一般投诉 24 小时内响应"),
        new(null, null, Urgency.Urgent, ClockKind.FirstResponse, TimeLimit.Hours(2), "§002 紧急投诉 2 小时内响应"),
        // "立即" as a clock: due at the moment of the call it would be breached by construction, so the
        // default allows the 15 minutes an agent needs to start the emergency plan.
        new(null, null, Urgency.Critical, ClockKind.FirstResponse, TimeLimit.Minutes(15), "§002 特急投诉立即响应（按 15 分钟内计）"),
        new(null, null, null, ClockKind.CustomerContact, TimeLimit.Hours(2), "§002 2 小时内电话联系客户"),
        new(null, null, Urgency.Urgent, ClockKind.CustomerContact, TimeLimit.Minutes(30), "§002 紧急 30 分钟内联系客户"),
        new(null, null, Urgency.Critical, ClockKind.CustomerContact, TimeLimit.Minutes(30), "§002 特急 30 分钟内联系客户"),
        new(Channel.Hotline95598, null, null, ClockKind.CustomerContact, TimeLimit.Hours(24), "[reg] 95598 投诉 24 小时内联系客户"),
        new(null, null, null, ClockKind.Handling, TimeLimit.WorkingDays(7), "§000 处理 1–7 个工作日"),
        new(null, Category.Billing, null, ClockKind.Handling, TimeLimit.WorkingDays(3), "§000 电费异议 3 个工作日"),
        new(Channel.Hotline95598, null, null, ClockKind.Handling, TimeLimit.WorkingDays(4), "[reg] 95598 投诉 4 个工作日内处理答复"),
        new(Channel.Regulator12398, null, null, ClockKind.Handling, TimeLimit.WorkingDays(10), "[reg] 12398 10 个工作日内处理并书面答复"),
        new(Channel.Government12345, null, null, ClockKind.Handling, TimeLimit.CalendarDays(7), "[reg] 12345 一般 7 天"),
        new(null, null, Urgency.Urgent, ClockKind.Handling, TimeLimit.WorkingDays(1), "紧急投诉 1 个工作日"),
        new(null, null, Urgency.Critical, ClockKind.Handling, TimeLimit.Hours(24), "特急投诉 24 小时"),
        new(null, null, null, ClockKind.FirstRevisit, TimeLimit.Hours(24), "§002 处理完成后 24 小时内首次回访"),
        new(null, null, null, ClockKind.SecondRevisit, TimeLimit.CalendarDays(8), "§002 7 天后二次回访（第 8 天内完成）"),
        new(null, null, null, ClockKind.Improvement, TimeLimit.WorkingDays(10), "总结改进 10 个工作日内提交整改措施"),
    ]);
}
