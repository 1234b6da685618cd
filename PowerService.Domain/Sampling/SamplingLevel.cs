namespace PowerService.Domain.Sampling;

/// <summary>
/// The sampled levels of the four-level revisit (docs/domain.md §11, seed 000 客户回访闭环机制). The first
/// level — the front line's revisits of every complaint within 24 h and after 7 days — is the loop itself
/// (<see cref="Complaints.Complaint.Revisit"/>); these three re-contact a sample of closed complaints.
/// </summary>
public enum SamplingLevel
{
    /// <summary>班组长周抽查: 10 % of each department's complaints closed in the week.</summary>
    TeamWeekly,

    /// <summary>部门月度抽查: each department's key cases of the month, and a random share of the rest.</summary>
    DepartmentMonthly,

    /// <summary>第三方季度调查: an outside party surveys a company-wide sample of the quarter's closed complaints.</summary>
    ThirdPartyQuarterly,
}

/// <summary>Why a complaint is a key case that the department's monthly sample always takes (重点业务).</summary>
[Flags]
public enum KeyReason
{
    None = 0,

    /// <summary>Came through 12398, 12345 or the media: the regulator, the government or the public watch it.</summary>
    WatchedChannel = 1,

    /// <summary>Re-opened after a dissatisfied revisit.</summary>
    Reopened = 2,

    /// <summary>Escalated above the level its channel starts at (a repeat, a breach, or by hand).</summary>
    Escalated = 4,
}

/// <summary>Where a problem found at a sampled revisit stands (问题清单).</summary>
public enum FollowUpState
{
    None,

    /// <summary>On the list, with an owner and a due date, waiting for the next round to check it.</summary>
    Open,

    /// <summary>Checked and found fixed.</summary>
    Fixed,
}
