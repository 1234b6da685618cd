using MudBlazor;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Features.Complaints;

/// <summary>Colours and icons the complaint pages share, so a stage or urgency reads the same everywhere.</summary>
public static class ComplaintDisplay
{
    /// <summary>Who opens live complaints: those who work on them, and admins and auditors, who see them masked.</summary>
    public const string LiveRoles = "IntakeAgent,Handler,Manager,Admin,Auditor";

    /// <summary>
    /// Documents carry the customer's full name, phone, 户号 and address (the customer letter must):
    /// only roles that contact customers open or download them; a masked role gets no document bytes.
    /// </summary>
    public const string DocumentRoles = "IntakeAgent,Handler,Manager";

    public static Color ColorOf(Urgency urgency) => urgency switch
    {
        Urgency.Critical => Color.Error,
        Urgency.Urgent => Color.Warning,
        _ => Color.Default,
    };

    public static Color ColorOf(Stage stage) => stage switch
    {
        Stage.Closed => Color.Success,
        Stage.Merged or Stage.Withdrawn or Stage.Reclassified => Color.Dark,
        Stage.Intake => Color.Info,
        _ => Color.Primary,
    };

    public static string IconOf(Stage stage) => stage switch
    {
        Stage.Intake => Icons.Material.Filled.AssignmentInd,
        Stage.Investigate => Icons.Material.Filled.ManageSearch,
        Stage.Resolve => Icons.Material.Filled.Build,
        Stage.Revisit => Icons.Material.Filled.PhoneCallback,
        Stage.Improve => Icons.Material.Filled.TrendingUp,
        Stage.Closed => Icons.Material.Filled.TaskAlt,
        _ => Icons.Material.Filled.CallMerge,
    };
}
