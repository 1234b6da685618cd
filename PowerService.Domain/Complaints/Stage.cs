namespace PowerService.Domain.Complaints;

/// <summary>
/// Where a complaint stands in the closed loop: the five stages in order, then the ends.
/// The numeric values are not persisted (stored as names), so the order here is the loop order.
/// </summary>
public enum Stage
{
    Intake,
    Investigate,
    Resolve,
    Revisit,
    Improve,
    Closed,
    Merged,
    Withdrawn,
    Reclassified,
}

public static class StageExtensions
{
    /// <summary>The five working stages of the loop, in order (the stepper shows these).</summary>
    public static IReadOnlyList<Stage> LoopStages { get; } =
        [Stage.Intake, Stage.Investigate, Stage.Resolve, Stage.Revisit, Stage.Improve];

    public static bool IsOpen(this Stage stage) => stage <= Stage.Improve;

    public static bool IsSideEnd(this Stage stage) =>
        stage is Stage.Merged or Stage.Withdrawn or Stage.Reclassified;
}
