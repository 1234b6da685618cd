using PowerService.Domain.Staff;

namespace PowerService.Domain.Reports;

/// <summary>
/// Who reads reports and of what (docs/domain.md §1: KPI reports are the managers'). A company-level
/// manager reads the whole company or any one department; a department's manager reads that
/// department only, whatever a link asks for.
/// </summary>
public static class ReportAccess
{
    /// <summary>Managers, and the product itself (the monthly archive).</summary>
    public static bool MayRead(IReadOnlyCollection<StaffRole> roles) => roles.Contains(StaffRole.Manager) || roles.Contains(StaffRole.System);

    /// <summary>
    /// The department a report may cover for this person: null for the whole company. Refused (with a
    /// Chinese reason) when they may not read reports, or ask for a department not theirs.
    /// </summary>
    public static (bool Allowed, string? Department, string? Refusal) Scope(IReadOnlyCollection<StaffRole> roles, Workplace workplace, string? asked)
    {
        if (!MayRead(roles)) return (false, null, "报表仅供管理人员查看");
        var department = string.IsNullOrWhiteSpace(asked) ? null : asked.Trim();
        if (workplace.CompanyLevel || roles.Contains(StaffRole.System)) return (true, department, null);
        if (department is not null && department != workplace.Department)
            return (false, null, $"您只能查看本部门（{workplace.Department}）的报表");
        return (true, workplace.Department, null);
    }
}
