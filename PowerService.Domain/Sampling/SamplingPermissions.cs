using PowerService.Domain.Staff;

namespace PowerService.Domain.Sampling;

/// <summary>
/// Who draws, reads and records sampled revisits: role <b>and</b> relation. The product has no team-lead
/// role, so a department's managers do the team lead's weekly re-contact as well as the department's
/// monthly one, for their own department; company-level managers may do either for any department. The
/// outside party does not sign in: a company-level manager (or an admin, who sees customers masked and
/// only types in the findings) records what it reports. Trainers, handlers, agents and auditors take no part.
/// </summary>
public static class SamplingPermissions
{
    /// <summary>Whether this person works with sampled revisits at all (the page and its menu entry).</summary>
    public static bool MayUse(IReadOnlyCollection<StaffRole> roles) => roles.Contains(StaffRole.Manager) || roles.Contains(StaffRole.Admin);

    /// <summary>The levels this person sees, in order.</summary>
    public static IReadOnlyList<SamplingLevel> LevelsFor(IReadOnlyCollection<StaffRole> roles) =>
        roles.Contains(StaffRole.Manager) ? Enum.GetValues<SamplingLevel>()
        : roles.Contains(StaffRole.Admin) ? [SamplingLevel.ThirdPartyQuarterly]
        : [];

    /// <summary>May see a sampled revisit of <paramref name="department"/> at <paramref name="level"/>.</summary>
    public static bool MayView(SamplingLevel level, string department, IReadOnlyCollection<StaffRole> roles, Workplace? workplace) =>
        LevelsFor(roles).Contains(level) && (roles.Contains(StaffRole.Admin) || InScope(department, workplace));

    /// <summary>Why this person may not record the result of a sampled revisit of <paramref name="department"/>; null when they may.</summary>
    public static string? RecordRefusal(SamplingLevel level, string department, IReadOnlyCollection<StaffRole> roles, Workplace? workplace)
    {
        if (roles.Contains(StaffRole.System)) return "抽查回访结果须由人员登记";
        if (level == SamplingLevel.ThirdPartyQuarterly)
            return roles.Contains(StaffRole.Admin) || (roles.Contains(StaffRole.Manager) && workplace is { CompanyLevel: true }) ? null
                : "第三方调查结果只能由公司级管理人员或系统管理员登记";
        if (!roles.Contains(StaffRole.Manager)) return $"“{Labels.Of(level)}”只能由管理人员登记";
        return InScope(department, workplace) ? null : $"您只能登记本部门（{workplace?.Department}）的抽查回访；该投诉属于{department}";
    }

    /// <summary>Why this person may not draw a level's sample for <paramref name="department"/> ("" = the company); null when they may. The product itself always may.</summary>
    public static string? DrawRefusal(SamplingLevel level, string department, IReadOnlyCollection<StaffRole> roles, Workplace? workplace)
    {
        if (roles.Contains(StaffRole.System)) return null;
        if (!roles.Contains(StaffRole.Manager)) return "只有管理人员可以抽取样本";
        if (level == SamplingLevel.ThirdPartyQuarterly || department.Length == 0)
            return workplace is { CompanyLevel: true } ? null : "第三方调查样本覆盖全公司，只能由公司级管理人员抽取";
        return InScope(department, workplace) ? null : $"您只能抽取本部门（{workplace?.Department}）的样本";
    }

    /// <summary>Why this person may not confirm that a problem found by sampling was fixed; null when they may (a manager of its department, or company-level).</summary>
    public static string? FixRefusal(string department, IReadOnlyCollection<StaffRole> roles, Workplace? workplace) =>
        !roles.Contains(StaffRole.Manager) ? "只有管理人员可以确认整改完成"
        : InScope(department, workplace) ? null
        : $"您只能确认本部门（{workplace?.Department}）问题的整改；该问题属于{department}";

    private static bool InScope(string department, Workplace? workplace) =>
        workplace is { CompanyLevel: true } || (workplace is not null && string.Equals(workplace.Department, department, StringComparison.Ordinal));
}
