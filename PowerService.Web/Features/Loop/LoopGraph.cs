using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using Stateless.Reflection;

namespace PowerService.Web.Features.Loop;

/// <summary>One transition of the loop as configured: what fires it, where it leads, what it requires, who may.</summary>
public sealed record LoopTransition(LoopTrigger Trigger, IReadOnlyList<(Stage To, string? When)> Destinations, IReadOnlyList<string> Requires, IReadOnlyList<StaffRole> Roles);

/// <summary>Reads the Stateless machine's own description, so the page shows the loop exactly as enforced.</summary>
public static class LoopGraph
{
    // Length and plain-text checks guard every text field; listing them on every arrow would bury
    // the requirements that matter, so the page states them once.
    private static bool IsTextHygiene(string guard) => guard.Contains("不能超过") || guard.Contains("只能是纯文本");

    public static IReadOnlyList<LoopTransition> TransitionsFrom(Stage stage)
    {
        var state = Complaint.LoopInfo.States.Single(s => (Stage)s.UnderlyingState == stage);
        return state.FixedTransitions.Select(t => new LoopTransition(
                    (LoopTrigger)t.Trigger.UnderlyingTrigger,
                    [((Stage)t.DestinationState.UnderlyingState, null)],
                    Requirements(t.GuardConditionsMethodDescriptions),
                    LoopPermissions.RolesFor((LoopTrigger)t.Trigger.UnderlyingTrigger)))
            .Concat(state.DynamicTransitions.Select(t => new LoopTransition(
                    (LoopTrigger)t.Trigger.UnderlyingTrigger,
                    t.PossibleDestinationStates.Select(d => (Enum.Parse<Stage>(d.DestinationState), (string?)d.Criterion)).ToList(),
                    Requirements(t.GuardConditionsMethodDescriptions),
                    LoopPermissions.RolesFor((LoopTrigger)t.Trigger.UnderlyingTrigger))))
            .OrderBy(t => t.Trigger)
            .ToList();
    }

    private static IReadOnlyList<string> Requirements(IEnumerable<InvocationInfo> guards) =>
        guards.Select(g => g.Description).Where(d => !string.IsNullOrEmpty(d) && !IsTextHygiene(d)).Distinct().ToList();

    public static string RolesText(IEnumerable<StaffRole> roles) => string.Join("、", roles.Select(Labels.Of));
}
