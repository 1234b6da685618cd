using PowerService.Domain.Complaints;

namespace PowerService.Domain.Staff;

/// <summary>
/// Who may do what to a live complaint: the role a person holds <b>and</b> how they stand to the
/// complaint (<see cref="Relation"/>). The state machine decides what the loop permits now; this
/// decides who may ask for it. Trainers and admins never act on live complaints.
/// </summary>
public static class LoopPermissions
{
    private static readonly StaffRole[] FrontAndBack = [StaffRole.IntakeAgent, StaffRole.Handler, StaffRole.Manager];
    private static readonly StaffRole[] Handling = [StaffRole.Handler, StaffRole.Manager];
    private static readonly StaffRole[] ManagersOnly = [StaffRole.Manager];
    private static readonly StaffRole[] ManagersAndSystem = [StaffRole.Manager, StaffRole.System];

    private static readonly IReadOnlyDictionary<LoopTrigger, StaffRole[]> Allowed = new Dictionary<LoopTrigger, StaffRole[]>
    {
        [LoopTrigger.Dispatch] = [.. FrontAndBack, StaffRole.System], // automatic dispatch by the admin's rules
        [LoopTrigger.Investigate] = Handling,
        [LoopTrigger.Resolve] = Handling,
        [LoopTrigger.Revisit] = FrontAndBack,
        [LoopTrigger.Improve] = Handling,
        [LoopTrigger.WaiveImprovement] = ManagersOnly,
        [LoopTrigger.Reassign] = Handling,
        [LoopTrigger.TakeOver] = Handling,
        [LoopTrigger.AddNote] = FrontAndBack,
        [LoopTrigger.Merge] = FrontAndBack,
        [LoopTrigger.Withdraw] = FrontAndBack,
        [LoopTrigger.Reclassify] = Handling,
        [LoopTrigger.Escalate] = ManagersAndSystem,
        [LoopTrigger.ExtendDeadline] = ManagersOnly,
        [LoopTrigger.IssueDocument] = ManagersOnly,
        [LoopTrigger.AttachEvidence] = FrontAndBack,
        [LoopTrigger.RemoveEvidence] = FrontAndBack,
        [LoopTrigger.Anonymise] = [StaffRole.System],
    };

    private const Relation Managers = Relation.DepartmentManager | Relation.CompanyManager | Relation.System;
    private const Relation OwnerOrManagers = Relation.Owner | Managers;

    /// <summary>
    /// The relations that let a role-holder take each step. The owner does the department's work;
    /// the first responder follows the complaint to its end (revisits, notes, a withdrawal the
    /// customer asks them for); colleagues share the intake queue and may take a complaint over;
    /// managers of the department, and company-level managers, may do everything their role allows.
    /// </summary>
    private static readonly IReadOnlyDictionary<LoopTrigger, Relation> AllowedRelations = new Dictionary<LoopTrigger, Relation>
    {
        [LoopTrigger.Dispatch] = Relation.Owner | Relation.FirstResponder | Relation.Colleague | Managers,
        [LoopTrigger.Investigate] = OwnerOrManagers,
        [LoopTrigger.Resolve] = OwnerOrManagers,
        [LoopTrigger.Revisit] = Relation.Owner | Relation.FirstResponder | Managers,
        [LoopTrigger.Improve] = OwnerOrManagers,
        [LoopTrigger.WaiveImprovement] = Managers,
        [LoopTrigger.Reassign] = OwnerOrManagers,
        [LoopTrigger.TakeOver] = Relation.Colleague | Managers,
        [LoopTrigger.AddNote] = Relation.Owner | Relation.FirstResponder | Relation.Colleague | Managers,
        [LoopTrigger.Merge] = Relation.Owner | Relation.FirstResponder | Managers, // the first responder merges the duplicate they took (§11 统一归口)
        [LoopTrigger.Withdraw] = Relation.Owner | Relation.FirstResponder | Managers,
        [LoopTrigger.Reclassify] = OwnerOrManagers,
        [LoopTrigger.Escalate] = Managers,
        [LoopTrigger.ExtendDeadline] = Managers,
        [LoopTrigger.IssueDocument] = Managers,
        // Whoever works on the complaint brings evidence; removal is further limited to the uploader or a manager (the aggregate's rule).
        [LoopTrigger.AttachEvidence] = Relation.Owner | Relation.FirstResponder | Relation.Colleague | Managers,
        [LoopTrigger.RemoveEvidence] = Relation.Owner | Relation.FirstResponder | Relation.Colleague | Managers,
        [LoopTrigger.Anonymise] = Relation.System, // retention: the product itself, never a person
    };

    public static bool MayRegister(IEnumerable<StaffRole> roles) => roles.Any(FrontAndBack.Contains);

    /// <summary>Trainers see only closed, de-identified cases; everyone else on staff sees live ones (within their scope).</summary>
    public static bool MayViewLiveComplaints(IEnumerable<StaffRole> roles) =>
        roles.Any(r => r is not (StaffRole.Trainer or StaffRole.System));

    /// <summary>Those who call customers see the full phone number; others see it masked.</summary>
    public static bool MaySeeFullContact(IEnumerable<StaffRole> roles) => roles.Any(FrontAndBack.Contains);

    /// <summary>
    /// Whether complaints can be someone's own (as owner or first responder) or their department's:
    /// only for the roles that work on them. Admins and trainers hold none.
    /// </summary>
    public static bool MayHoldComplaints(IEnumerable<StaffRole> roles) => roles.Any(FrontAndBack.Contains);

    /// <summary>The role alone permits the step (some relation to the complaint is needed as well: see <see cref="May(IEnumerable{StaffRole}, Relation, LoopTrigger)"/>).</summary>
    public static bool May(IEnumerable<StaffRole> roles, LoopTrigger trigger) =>
        roles.Any(Allowed[trigger].Contains);

    /// <summary>The role permits the step and the person stands to the complaint in a way that lets them take it.</summary>
    public static bool May(IEnumerable<StaffRole> roles, Relation relation, LoopTrigger trigger) =>
        May(roles, trigger) && (relation & AllowedRelations[trigger]) != Relation.None;

    public static IReadOnlyList<StaffRole> RolesFor(LoopTrigger trigger) => Allowed[trigger];

    public static Relation RelationsFor(LoopTrigger trigger) => AllowedRelations[trigger];

    /// <summary>How a person stands to a complaint. Without a workplace only personal relations count (least privilege).</summary>
    public static Relation RelationOf(Complaint complaint, Actor person, IReadOnlyCollection<StaffRole> roles, Workplace? workplace)
    {
        if (roles.Contains(StaffRole.System)) return Relation.System;
        var relation = Relation.None;
        if (complaint.Owner.UserId == person.UserId) relation |= Relation.Owner;
        if (complaint.FirstResponder.UserId == person.UserId) relation |= Relation.FirstResponder;
        if (workplace is null) return relation;
        var manager = roles.Contains(StaffRole.Manager);
        if (string.Equals(workplace.Department, complaint.Department, StringComparison.Ordinal))
            relation |= manager ? Relation.Colleague | Relation.DepartmentManager : Relation.Colleague;
        if (manager && workplace.CompanyLevel) relation |= Relation.CompanyManager;
        return relation;
    }

    /// <summary>Company-level managers (and admins and auditors, masked) see every complaint; others see their scope.</summary>
    public static bool SeesEveryComplaint(IReadOnlyCollection<StaffRole> roles, Workplace? workplace) =>
        roles.Contains(StaffRole.Admin) || roles.Contains(StaffRole.Auditor) || roles.Contains(StaffRole.System)
        || (roles.Contains(StaffRole.Manager) && workplace is { CompanyLevel: true });

    /// <summary>
    /// A live complaint is in a person's scope when they own it, took it first, or it is with their
    /// department; the queue and search apply the same rule as a query (ComplaintService).
    /// </summary>
    public static bool MayView(IReadOnlyCollection<StaffRole> roles, Relation relation, Workplace? workplace) =>
        MayViewLiveComplaints(roles) && (relation != Relation.None || SeesEveryComplaint(roles, workplace));

    /// <summary>Why this person may not take this step on this complaint, in Chinese; null when they may.</summary>
    public static string? Refusal(Complaint complaint, LoopTrigger trigger, Actor person, IReadOnlyCollection<StaffRole> roles, Workplace? workplace)
    {
        if (!May(roles, trigger)) return $"您的角色无权执行“{Labels.Of(trigger)}”";
        var relation = RelationOf(complaint, person, roles, workplace);
        if (May(roles, relation, trigger)) return null;
        var allowed = AllowedRelations[trigger] & ~Relation.System;
        if (allowed.HasFlag(Relation.Colleague)) allowed &= ~Relation.DepartmentManager; // a department's manager is one of its people
        var who = Labels.JoinAlternatives(Labels.Each(allowed).Select(Labels.Of));
        return $"“{Labels.Of(trigger)}”只能由{who}办理；本投诉现由{complaint.Department} {complaint.Owner.DisplayName} 处理";
    }
}
