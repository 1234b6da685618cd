using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Web.Data;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>
/// The alert that tells managers of a public-opinion risk at once (§11), through the notification
/// centre every manager watches: escalated to company level, so company-level managers and the
/// department's managers get it. Clock 0 is no clock: the alert is about the complaint, once.
/// </summary>
public static class OpinionAlerts
{
    public const int NoClock = 0;

    public static SlaAlert? For(Complaint complaint, DateTimeOffset now) => complaint.PublicOpinion is not { } reason ? null : new SlaAlert
    {
        ComplaintId = complaint.Id, Number = complaint.Number, ClockId = NoClock, Clock = ClockKind.Handling, ClockStartedAt = complaint.ReceivedAt,
        Level = ClockState.Critical, DueAt = complaint.NextDueAt ?? now, CreatedAt = now, OwnerId = complaint.Owner.UserId,
        FirstResponderId = complaint.FirstResponder.UserId, Department = complaint.Department, EscalatedTo = EscalationLevel.Company,
        Reason = $"舆情风险：{reason}",
    };
}
