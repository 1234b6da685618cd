namespace PowerService.Domain.Staff;

/// <summary>
/// The roles of docs/domain.md §1; their names are also the Identity role names. <see cref="System"/> is
/// the product itself (the deadline watcher): it is never given to a person. <see cref="Auditor"/> (审计员) is whoever
/// the utility names for privacy: sees complaints masked and reads the personal-information access log.
/// </summary>
public enum StaffRole { IntakeAgent, Handler, Manager, Trainer, Admin, System, Auditor }

public static class StaffRoles
{
    /// <summary>The roles a person can hold.</summary>
    public static IReadOnlyList<StaffRole> People { get; } = [StaffRole.IntakeAgent, StaffRole.Handler, StaffRole.Manager, StaffRole.Trainer, StaffRole.Admin, StaffRole.Auditor];

    public static Actor SystemActor { get; } = new("system", "系统");
}

/// <summary>The person doing something, as recorded on the timeline.</summary>
public sealed record Actor(string UserId, string DisplayName);
