namespace PowerService.Domain.Staff;

/// <summary>The roles of domain.md §1. Their names are also the Identity role names.</summary>
public enum StaffRole { IntakeAgent, Handler, Manager, Trainer, Admin }

/// <summary>The person doing something, as recorded on the timeline.</summary>
public sealed record Actor(string UserId, string DisplayName);
