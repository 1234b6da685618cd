using PowerService.Domain.Staff;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>
/// Who does a step (and in which roles), when — from the caller's TimeProvider — and their
/// free-text note for the timeline.
/// </summary>
public sealed record StepContext(Actor By, IReadOnlyCollection<StaffRole> Roles, DateTimeOffset At, string? Note = null)
{
    public static StepContext Now(TimeProvider time, Actor by, IReadOnlyCollection<StaffRole> roles, string? note = null) =>
        new(by, roles, time.GetUtcNow(), note);
}

/// <summary>The single argument every parameterised trigger carries: the step's data and its context.</summary>
public sealed record Submission<T>(T Data, StepContext Context);
