using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Complaints.Actions;

/// <summary>
/// The editable state behind one action of the action panel. Property names match the domain
/// record's, so the domain's field errors land on the right inputs. A form outlives a refused or
/// conflicting submit: what the person typed is never thrown away.
/// </summary>
public abstract class StepForm
{
    public abstract LoopTrigger Trigger { get; }

    /// <summary>Free-text note for the timeline, offered with every action.</summary>
    public string? Note { get; set; }

    public virtual Task<ActionOutcome> SubmitAsync(ComplaintService service, Complaint complaint, StaffUser user) =>
        service.ActAsync(complaint.Number, complaint.Revision, user, Note, Step);

    protected abstract StepResult Step(Complaint complaint, StepContext context);

    /// <summary>The form property that shows a domain field's error (they differ where one value takes two inputs).</summary>
    public virtual string FieldFor(string domainField) => domainField;

    public static StepForm For(LoopTrigger trigger, Complaint complaint) => trigger switch
    {
        LoopTrigger.Dispatch => new DispatchForm(),
        LoopTrigger.Investigate => new InvestigateForm(),
        LoopTrigger.Resolve => ResolveForm.SuggestedFor(complaint),
        LoopTrigger.Revisit => new RevisitForm(),
        LoopTrigger.Improve => new ImproveForm(),
        LoopTrigger.WaiveImprovement => new WaiveForm(),
        LoopTrigger.Reassign => new ReassignForm(),
        LoopTrigger.TakeOver => new TakeOverForm(),
        LoopTrigger.AddNote => new NoteForm(),
        LoopTrigger.Merge => new MergeForm(),
        LoopTrigger.Withdraw => new WithdrawForm(),
        LoopTrigger.Reclassify => new ReclassifyForm(),
        LoopTrigger.Escalate => new EscalateForm { To = complaint.Escalation < EscalationLevel.Company ? complaint.Escalation + 1 : null },
        LoopTrigger.ExtendDeadline => new ExtendForm { Clock = complaint.RunningClocks.MinBy(c => c.DueAt)?.Kind },
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}

/// <summary>Forms that pick a member of staff; the list comes from the panel.</summary>
public interface IPicksStaff
{
    string? Handler { get; set; }
    string? Department { get; set; }
    IReadOnlyList<StaffMember> Staff { get; set; }
}

public sealed class DispatchForm : StepForm, IPicksStaff
{
    public override LoopTrigger Trigger => LoopTrigger.Dispatch;
    public string? Handler { get; set; }
    public string? Department { get; set; }
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Dispatch(new DispatchOrder(StaffForms.ActorOf(Staff, Handler), Department), ctx);
}

public sealed class ReassignForm : StepForm, IPicksStaff
{
    public override LoopTrigger Trigger => LoopTrigger.Reassign;
    public string? Handler { get; set; }
    public string? Department { get; set; }
    public string? Reason { get; set; }
    public IReadOnlyList<StaffMember> Staff { get; set; } = [];

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Reassign(new Reassignment(StaffForms.ActorOf(Staff, Handler), Department, Reason), ctx);
}

public sealed class TakeOverForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.TakeOver;
    public TakeOverReason? Reason { get; set; }
    public string? Explanation { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.TakeOver(new TakeOver(Reason, Explanation), ctx);
}

internal static class StaffForms
{
    public static Actor? ActorOf(IReadOnlyList<StaffMember> staff, string? userId) =>
        staff.FirstOrDefault(s => s.UserId == userId) is { } member ? new Actor(member.UserId, member.DisplayName) : null;
}

public sealed class InvestigateForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Investigate;
    public string? Facts { get; set; }
    public string? Evidence { get; set; }
    public string? Cause { get; set; }
    public Responsibility? Responsibility { get; set; }
    public string? Proposal { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Investigate(new InvestigationFindings(Facts, Evidence, Cause, Responsibility, Proposal), ctx);
}

public sealed class ResolveForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Resolve;
    public string? Solution { get; set; }
    public DateTime? CommittedDate { get; set; }
    public TimeSpan? CommittedTime { get; set; } = new(17, 30, 0);
    public string? CustomerCommunication { get; set; }
    public CompensationKind? Compensation { get; set; }
    public string? CompensationDetail { get; set; }
    public decimal? CompensationAmount { get; set; }

    /// <summary>The remedy domain.md §5 suggests for this complaint's type, ready to accept or change.</summary>
    public static ResolveForm SuggestedFor(Complaint complaint)
    {
        var suggestion = CompensationAdvisor.Suggest(complaint.Category, complaint.SubCategory);
        return new ResolveForm { Compensation = suggestion.Kind, CompensationDetail = suggestion.Detail };
    }

    public override string FieldFor(string domainField) => domainField == nameof(ResolutionPlan.CommittedBy) ? nameof(CommittedDate) : domainField;

    protected override StepResult Step(Complaint c, StepContext ctx)
    {
        DateTimeOffset? committed = CommittedDate is { } d ? ChinaTime.FromChinaWallClock(d.Date + (CommittedTime ?? TimeSpan.Zero)) : null;
        var compensation = Compensation is { } kind ? new Compensation(kind, CompensationDetail, CompensationAmount) : null;
        return c.Resolve(new ResolutionPlan(Solution, committed, CustomerCommunication, compensation), ctx);
    }
}

public sealed class RevisitForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Revisit;
    public RevisitMethod Method { get; set; } = RevisitMethod.Phone;
    public bool Reached { get; set; } = true;
    public Satisfaction? Satisfaction { get; set; }
    public string? CustomerOpinion { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) =>
        c.Revisit(new RevisitRecord(Method, Reached, Reached ? Satisfaction : null, CustomerOpinion), ctx);
}

public sealed class ImproveForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Improve;
    public string? RootCause { get; set; }
    public List<ActionRow> Actions { get; } = [new()];

    public sealed class ActionRow
    {
        public string? Action { get; set; }
        public string? Owner { get; set; }
        public DateTime? DueDate { get; set; }
    }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Improve(new ImprovementPlan(RootCause,
        Actions.Where(a => a.Action is not null || a.Owner is not null || a.DueDate is not null)
            .Select(a => new CorrectiveAction(a.Action, a.Owner, a.DueDate is { } due ? DateOnly.FromDateTime(due) : null)).ToList()), ctx);
}

public sealed class WaiveForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.WaiveImprovement;
    public string? Reason { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.WaiveImprovement(new ImprovementWaiver(Reason), ctx);
}

public sealed class NoteForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.AddNote;
    public string? Text { get; set; }

    /// <summary>The note records a conversation with the customer: it answers the 联系客户 (and first-response) clock.</summary>
    public bool ContactedCustomer { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.AddNote(new ProgressNote(Text, ContactedCustomer), ctx);
}

public sealed class MergeForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Merge;
    public string? IntoNumber { get; set; }
    public string? Reason { get; set; }

    public override Task<ActionOutcome> SubmitAsync(ComplaintService service, Complaint complaint, StaffUser user) =>
        service.MergeAsync(complaint.Number, complaint.Revision, user, new MergeRequest(IntoNumber, Reason), Note);

    protected override StepResult Step(Complaint c, StepContext ctx) => c.MergeInto(new MergeRequest(IntoNumber, Reason), ctx);
}

public sealed class WithdrawForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Withdraw;
    public string? Reason { get; set; }
    public string? HowConfirmed { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Withdraw(new Withdrawal(Reason, HowConfirmed), ctx);
}

public sealed class ReclassifyForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Reclassify;
    public ReclassifiedAs? As { get; set; }
    public string? Reason { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Reclassify(new Reclassification(As, Reason), ctx);
}

public sealed class EscalateForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.Escalate;
    public EscalationLevel? To { get; set; }
    public string? Reason { get; set; }

    protected override StepResult Step(Complaint c, StepContext ctx) => c.Escalate(new EscalationRequest(To, EscalationCause.Manual, Reason), ctx);
}

public sealed class ExtendForm : StepForm
{
    public override LoopTrigger Trigger => LoopTrigger.ExtendDeadline;
    public ClockKind? Clock { get; set; }
    public DateTime? NewDueDate { get; set; }
    public TimeSpan? NewDueTime { get; set; } = new(17, 30, 0);
    public string? Reason { get; set; }

    public override string FieldFor(string domainField) => domainField == nameof(DeadlineExtension.NewDue) ? nameof(NewDueDate) : domainField;

    protected override StepResult Step(Complaint c, StepContext ctx)
    {
        DateTimeOffset? due = NewDueDate is { } d ? ChinaTime.FromChinaWallClock(d.Date + (NewDueTime ?? TimeSpan.Zero)) : null;
        return c.ExtendDeadline(new DeadlineExtension(Clock, due, Reason), ctx);
    }
}
