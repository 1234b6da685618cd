using PowerService.Domain.Complaints;

namespace PowerService.Domain.Staff;

/// <summary>
/// Which role may do what to a live complaint. The state machine decides what the loop permits
/// now; this decides who may ask for it. Trainers and admins never act on live complaints.
/// </summary>
public static class LoopPermissions
{
    private static readonly StaffRole[] FrontAndBack = [StaffRole.IntakeAgent, StaffRole.Handler, StaffRole.Manager];
    private static readonly StaffRole[] Handling = [StaffRole.Handler, StaffRole.Manager];
    private static readonly StaffRole[] ManagersOnly = [StaffRole.Manager];
    private static readonly StaffRole[] ManagersAndSystem = [StaffRole.Manager, StaffRole.System];

    private static readonly IReadOnlyDictionary<LoopTrigger, StaffRole[]> Allowed = new Dictionary<LoopTrigger, StaffRole[]>
    {
        [LoopTrigger.Dispatch] = FrontAndBack,
        [LoopTrigger.Investigate] = Handling,
        [LoopTrigger.Resolve] = Handling,
        [LoopTrigger.Revisit] = FrontAndBack,
        [LoopTrigger.Improve] = Handling,
        [LoopTrigger.WaiveImprovement] = ManagersOnly,
        [LoopTrigger.Reassign] = Handling,
        [LoopTrigger.AddNote] = FrontAndBack,
        [LoopTrigger.Merge] = Handling,
        [LoopTrigger.Withdraw] = FrontAndBack,
        [LoopTrigger.Reclassify] = Handling,
        [LoopTrigger.Escalate] = ManagersAndSystem,
        [LoopTrigger.ExtendDeadline] = ManagersOnly,
        [LoopTrigger.IssueDocument] = ManagersOnly,
        [LoopTrigger.Anonymise] = [StaffRole.System],
    };

    public static bool MayRegister(IEnumerable<StaffRole> roles) => roles.Any(FrontAndBack.Contains);

    /// <summary>Trainers see only closed, de-identified cases; everyone else on staff sees live ones.</summary>
    public static bool MayViewLiveComplaints(IEnumerable<StaffRole> roles) =>
        roles.Any(r => r is not (StaffRole.Trainer or StaffRole.System));

    /// <summary>Those who call customers see the full phone number; others see it masked.</summary>
    public static bool MaySeeFullContact(IEnumerable<StaffRole> roles) => roles.Any(FrontAndBack.Contains);

    /// <summary>
    /// Whether complaints can be someone's own (as owner or first responder) or their department's:
    /// only for the roles that work on them. Admins and trainers hold none.
    /// </summary>
    public static bool MayHoldComplaints(IEnumerable<StaffRole> roles) => roles.Any(FrontAndBack.Contains);

    public static bool May(IEnumerable<StaffRole> roles, LoopTrigger trigger) =>
        roles.Any(Allowed[trigger].Contains);

    public static IReadOnlyList<StaffRole> RolesFor(LoopTrigger trigger) => Allowed[trigger];
}
