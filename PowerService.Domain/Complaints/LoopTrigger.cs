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
}
