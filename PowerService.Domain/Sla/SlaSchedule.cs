using PowerService.Domain.Complaints;
using PowerService.Domain.Time;

namespace PowerService.Domain.Sla;

/// <summary>The rules in force when a step is taken: policy, calendar, the department's hours, thresholds.</summary>
public sealed record SlaSchedule(SlaPolicy Policy, WorkingCalendar Calendar, BusinessHours Hours, ClockThresholds Thresholds)
{
    public SlaClock? Start(ClockKind kind, Channel channel, Category category, Urgency urgency, DateTimeOffset at) =>
        Policy.Start(kind, channel, category, urgency, at, Calendar, Hours);
}

/// <summary>分层升级: who is answerable for the complaint now (docs/domain.md §4).</summary>
public enum EscalationLevel { Team, Department, Company }

/// <summary>Why a complaint went up a level.</summary>
public enum EscalationCause { Channel, RepeatComplaint, Breach, Manual }
