namespace PowerService.Domain.Complaints;

/// <summary>Everything a person can do to a complaint once it is registered.</summary>
public enum LoopTrigger
{
    Dispatch,
    Investigate,
    Resolve,
    Revisit,
    Improve,
    WaiveImprovement,
    Reassign,
    TakeOver,
    AddNote,
    Merge,
    Withdraw,
    Reclassify,
    Escalate,
    ExtendDeadline,
    IssueDocument,

    /// <summary>The customer's data removed after the retention period (the system's, never a person's; not a step of the loop).</summary>
    Anonymise,
}
