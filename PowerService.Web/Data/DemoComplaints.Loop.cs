using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;

namespace PowerService.Web.Data;

/// <summary>
/// Carries a demo complaint through the loop. Each step is timed as people work — against the
/// complaint's own running clocks, so a case is on time unless it was chosen to run late, and in
/// the daytime where the limit allows — and taken only if that time has come by <see cref="Now"/>.
/// So a complaint's stage follows from its age: one from this morning is being investigated, one
/// from last week waits for its second revisit, one from last month is closed.
/// </summary>
internal sealed partial class DemoComplaints
{
    /// <summary>
    /// How a department works: how often one of its cases runs late, how often a customer is not
    /// satisfied at the first revisit (re-opened: §002 says about 15 % overall), how many say 基本满意
    /// rather than 满意, and how much worse late and re-opened cases get in the July–August peak.
    /// 营销部 works billing disputes on records; 运维检修部 works outdoors and carries the summer storms.
    /// </summary>
    private sealed record Pace(double Late, double Reopen, double Fairly, double SummerLoad);

    private static readonly Dictionary<string, Pace> Paces = new()
    {
        ["营销部（计量）"] = new(Late: 0.02, Reopen: 0.09, Fairly: 0.18, SummerLoad: 1.0),
        ["城区供电所"] = new(Late: 0.04, Reopen: 0.14, Fairly: 0.25, SummerLoad: 1.2),
        ["运维检修部"] = new(Late: 0.05, Reopen: 0.17, Fairly: 0.30, SummerLoad: 2.0),
    };

    /// <summary>What runs late in a late case: the call back at intake, or the handling.</summary>
    private enum Lateness { None, Contact, Handling }

    /// <summary>The other ends (docs/domain.md §2), about 2 % each.</summary>
    private enum SideEnd { None, Merge, Withdraw, Reclassify }

    private void Advance(Complaint c, DateTimeOffset registered)
    {
        var (handlerName, department) = Route(c);
        var pace = Paces[department];
        var summer = registered.ChinaDate().Month is 7 or 8;
        var lateness = Chance(pace.Late * (summer ? pace.SummerLoad : 1)) ? (Chance(0.3) ? Lateness.Contact : Lateness.Handling) : Lateness.None;
        // What the regulator passes on is more often an enquiry or a report than a complaint of ours: its statistics count them apart.
        var reclassified = c.Channel == Channel.Regulator12398 ? 16 : 6;
        var side = random.Next(100) switch { < 2 => SideEnd.Merge, < 4 => SideEnd.Withdraw, var r when r < reclassified => SideEnd.Reclassify, _ => SideEnd.None };
        if (side == SideEnd.Merge && !_latest.ContainsKey(c.Category)) side = SideEnd.Withdraw;

        // 受理: the customer is called back within the first limits (response, contact), then the order is dispatched.
        var firstDue = Min(DueOf(c, ClockKind.FirstResponse), DueOf(c, ClockKind.CustomerContact)) ?? registered.AddHours(2);
        var contactAt = lateness == Lateness.Contact ? firstDue.AddMinutes(Between(15, 240))
            : registered.AddMinutes(Math.Max(1, Between(0.15, 0.7) * Math.Min(90, (firstDue - registered).TotalMinutes)));
        if (contactAt > Now) return;
        Ensure(c.AddNote(new ProgressNote("已电话联系客户，说明受理情况和处理时限", ContactedCustomer: true), As(c.FirstResponder, contactAt)));
        if (side != SideEnd.None && Chance(0.5))
        {
            EndEarly(c, side, contactAt.AddMinutes(Between(10, 120)), staff["manager"]);
            return;
        }
        var dispatchAt = contactAt.AddMinutes(c.Urgency == Urgency.Normal ? Between(5, 150) : Between(2, 15));
        if (dispatchAt > Now) return;
        var handler = staff[handlerName];
        Ensure(c.Dispatch(new DispatchOrder(handler, department), As(c.FirstResponder, dispatchAt)));
        if (side != SideEnd.None)
        {
            EndEarly(c, side, Daytime(dispatchAt.AddHours(Between(1, 30)), null), handler);
            return;
        }

        // 调查分析 and 解决处理 within the handling limit (a late case well past it), sometimes via another department.
        var from = dispatchAt;
        if (department == "城区供电所" && c.Category == Category.Supply && Chance(0.1))
        {
            from = Daytime(dispatchAt.AddHours(Between(1, 6)), null);
            if (from > Now) return;
            (handler, pace) = (staff["handler3"], Paces["运维检修部"]);
            Ensure(c.Reassign(new Reassignment(handler, "运维检修部", "经现场核实为配电线路设备问题，属运维检修部职责范围，转派处理"), As(staff[handlerName], from)));
        }
        var handlingDue = DueOf(c, ClockKind.Handling) ?? from.AddDays(3);
        var resolveAt = lateness == Lateness.Handling || handlingDue - from < TimeSpan.FromHours(1)
            ? Daytime(Later(handlingDue, from) + (handlingDue - c.ReceivedAt) * Between(0.05, 0.6), null)
            : Daytime(from + (handlingDue - from) * Between(0.25, 0.9), handlingDue.AddMinutes(-5));
        // Finding out takes most of the time; carrying out the agreed remedy the rest.
        var investigateAt = Daytime(from + (resolveAt - from) * Between(0.4, 0.8), resolveAt.AddMinutes(-30));
        if (investigateAt > Now) return;
        Ensure(c.Investigate(Findings(c), As(handler, investigateAt)));
        if (resolveAt - investigateAt > TimeSpan.FromDays(1))
        {
            var noteAt = Daytime(investigateAt + (resolveAt - investigateAt) / 2, resolveAt.AddMinutes(-10));
            if (noteAt > Now) return;
            Ensure(c.AddNote(new ProgressNote(ProgressText(c)), As(handler, noteAt)));
        }
        if (resolveAt > Now) return;
        Ensure(c.Resolve(Resolution(c, handlingDue), As(handler, resolveAt)));

        if (!Revisits(c, handler, pace, summer)) return;
        Improve(c, handler);
    }

    /// <summary>
    /// 反馈回访, round after round: a first revisit within 24 hours (a few calls do not reach the customer
    /// at first), a dissatisfied customer re-opens the resolution; a 12398 complaint's written reply
    /// once the customer is satisfied; the second revisit after 7 days (now and then the problem is back).
    /// True when the second revisit found the customer satisfied.
    /// </summary>
    private bool Revisits(Complaint c, Actor handler, Pace pace, bool summer)
    {
        for (var round = 0; ; round++)
        {
            var resolved = c.ResolvedAt!.Value;
            var firstAt = Daytime(resolved.AddHours(Between(1, 20)), resolved.AddHours(23));
            if (Chance(0.05))
            {
                var attemptAt = Daytime(resolved.AddHours(Between(1, 6)), resolved.AddHours(20));
                if (attemptAt > Now) return false;
                Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, false, null, null), As(c.FirstResponder, attemptAt, "客户电话无人接听，稍后再次回访")));
                firstAt = Daytime(attemptAt.AddHours(Between(6, 28)), null);
            }
            if (firstAt > Now) return false;
            if (round < 2 && Chance(round == 0 ? pace.Reopen * (summer ? Math.Sqrt(pace.SummerLoad) : 1) : 0.12))
            {
                Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Dissatisfied, Dissatisfaction(c)), As(c.FirstResponder, firstAt)));
                if (!Reresolve(c, handler, firstAt)) return false;
                continue;
            }
            var fairly = Chance(pace.Fairly);
            Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, fairly ? Satisfaction.FairlySatisfied : Satisfaction.Satisfied,
                fairly ? "处理结果基本认可，希望今后处理更及时" : "对处理结果表示认可"), As(c.FirstResponder, firstAt)));

            if (c.Channel == Channel.Regulator12398 && !c.IssuedDocuments.Any())
            {
                var replyAt = Daytime(firstAt.AddHours(Between(2, 40)), null);
                if (replyAt > Now) return false;
                IssueReply(c, As(staff["manager"], replyAt)); // none without a renderer: it will wait at 总结改进
            }

            var secondAt = Chance(0.02) ? resolved.AddDays(8).AddHours(Between(2, 48))
                : Daytime(resolved.AddDays(7).AddHours(Between(1, 20)), resolved.AddDays(8).AddMinutes(-10));
            if (secondAt > Now) return false;
            if (round < 2 && Chance(0.025))
            {
                Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Dissatisfied, "问题再次出现，要求彻底处理"), As(c.FirstResponder, secondAt)));
                if (!Reresolve(c, handler, secondAt)) return false;
                continue;
            }
            Ensure(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Satisfied, "问题未再出现"), As(c.FirstResponder, secondAt)));
            return true;
        }
    }

    /// <summary>The re-opened resolution, within the handling limit that restarted at the revisit.</summary>
    private bool Reresolve(Complaint c, Actor handler, DateTimeOffset reopenedAt)
    {
        var due = DueOf(c, ClockKind.Handling) ?? reopenedAt.AddDays(3);
        var at = Daytime(reopenedAt + (due - reopenedAt) * Between(0.1, 0.5), due.AddMinutes(-5));
        if (at > Now) return false;
        Ensure(c.Resolve(Resolution(c, due) with { Solution = SecondSolution(c) }, As(handler, at)));
        return true;
    }

    /// <summary>
    /// 总结改进 within its limit (now and then late): the handler's root cause and corrective actions when
    /// the company was at fault, otherwise — and for an isolated slip — a manager's waiver. A 12398
    /// complaint cannot close without its reply.
    /// </summary>
    private void Improve(Complaint c, Actor handler)
    {
        if (c.Channel == Channel.Regulator12398 && !c.IssuedDocuments.Any()) return;
        var opened = c.Revisits[^1].At;
        var due = DueOf(c, ClockKind.Improvement) ?? opened.AddDays(14);
        var at = Chance(0.02) ? due.AddHours(Between(4, 72)) : Daytime(opened + (due - opened) * Between(0.05, 0.5), due.AddMinutes(-10));
        if (at > Now) return;
        var ownFault = c.Investigation!.Responsibility == Responsibility.Company;
        if (ownFault && !Chance(0.2))
        {
            Ensure(c.Improve(PlanFor(c, at.ChinaDate()), As(handler, at)));
            return;
        }
        // A department manager waives for their own department; the company-level manager for the rest.
        var manager = c.Department == "运维检修部" ? staff["manager2"] : staff["manager"];
        Ensure(c.WaiveImprovement(new ImprovementWaiver(ownFault ? "属个别偶发情况，相关流程已在本季度整改计划中覆盖" : "非供电企业责任，已向客户说明并督促责任方处理"),
            As(manager, at)));
    }

    /// <summary>Merged, withdrawn or found not to be a complaint, at <paramref name="at"/> if that has come.</summary>
    private void EndEarly(Complaint c, SideEnd side, DateTimeOffset at, Actor decider)
    {
        if (at > Now) return;
        Ensure(side switch
        {
            SideEnd.Merge => c.MergeInto(new MergeRequest(_latest[c.Category], c.Category is Category.Supply or Category.Repair
                ? "同一停电事件多位客户来电，并入首次工单统一答复" : "与在办工单属同一问题，并入首次工单统一答复"), As(decider, at)),
            SideEnd.Withdraw => c.Withdraw(Chance(0.5) ? new Withdrawal("客户来电表示问题已解决，撤回投诉", "电话录音")
                : new Withdrawal("客户表示已与物业协商解决，不再需要处理", "短信确认"), As(c.FirstResponder, at)),
            _ => c.Reclassify(Reclassified(), As(decider, at)),
        });
    }

    /// <summary>Who handles what: billing goes to 营销部, faults to 运维检修部, the area's outages and conduct to the 供电所.</summary>
    private (string Handler, string Department) Route(Complaint c) => c.Category switch
    {
        Category.Billing => ("handler2", "营销部（计量）"),
        Category.Repair => ("handler3", "运维检修部"),
        Category.Supply when c.SubCategory is "频繁停电" or "复电不及时" && Chance(0.5) => ("handler3", "运维检修部"),
        Category.Other when c.SubCategory == "设备噪音" => ("handler3", "运维检修部"),
        _ => ("handler", "城区供电所"),
    };

    /// <summary>
    /// People work by day: a step that would fall between 21:00 and 08:00 (China) moves to the next
    /// morning — unless that would pass <paramref name="latest"/> (the limit it is meant to meet).
    /// </summary>
    private DateTimeOffset Daytime(DateTimeOffset at, DateTimeOffset? latest)
    {
        var local = at.ToChina();
        if (local.Hour is >= 8 and < 21) return at;
        var morning = ChinaTime.FromChinaWallClock(local.Date.AddDays(local.Hour >= 21 ? 1 : 0).AddHours(8).AddMinutes(random.Next(0, 90)));
        return latest is { } limit && morning > limit ? at : morning;
    }

    private static DateTimeOffset? DueOf(Complaint c, ClockKind kind) => c.RunningClocks.LastOrDefault(k => k.Kind == kind)?.DueAt;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
