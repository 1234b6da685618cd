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

    /// <summary>A file attached as evidence (any stage, closed included).</summary>
    AttachEvidence,

    /// <summary>An attachment removed from the working view, with a reason; the original is kept.</summary>
    RemoveEvidence,

    /// <summary>The customer's data removed after the retention period (the system's, never a person's; not a step of the loop).</summary>
    Anonymise,
}
