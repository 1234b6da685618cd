namespace PowerService.Domain.Cases;

/// <summary>Where a case's working copy stands in review (docs/domain.md §9: reviewed before publishing).</summary>
public enum CaseStatus
{
    /// <summary>Being written or revised by its editor.</summary>
    Draft,

    /// <summary>Submitted; a manager approves or returns it.</summary>
    InReview,

    /// <summary>The working copy is the latest published version.</summary>
    Published,

    /// <summary>Taken out of the library by a manager, with a reason; can be revised and submitted again.</summary>
    Withdrawn,
}

public enum CaseTrigger { Create, Save, Submit, Approve, Return, Revise, Withdraw }

/// <summary>How the complaint behind a case ended: a library filter.</summary>
public enum CaseOutcome
{
    /// <summary>Closed without a re-opening or an escalation.</summary>
    FirstTime,

    /// <summary>An unsatisfied revisit sent it back to resolution at least once.</summary>
    Reopened,

    /// <summary>Escalated during handling.</summary>
    Escalated,
}
