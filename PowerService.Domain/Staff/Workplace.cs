namespace PowerService.Domain.Staff;

/// <summary>
/// Where a member of staff works. A company-level department (the customer service centre that runs
/// complaint management for the whole company) makes its managers company-level managers.
/// </summary>
public sealed record Workplace(string Department, bool CompanyLevel = false);

/// <summary>
/// How a person stands to one complaint (首问负责制 and the department structure). Several can hold
/// at once: the first responder may also be the owner; a department's manager is also of the department.
/// </summary>
[Flags]
public enum Relation
{
    None = 0,

    /// <summary>The complaint's current handler (处理人).</summary>
    Owner = 1,

    /// <summary>首问责任人: took the complaint first and follows it to its end (revisits, notes).</summary>
    FirstResponder = 2,

    /// <summary>Works in the department the complaint is with.</summary>
    Colleague = 4,

    /// <summary>A manager of the department the complaint is with.</summary>
    DepartmentManager = 8,

    /// <summary>A manager of a company-level department: every complaint of the company.</summary>
    CompanyManager = 16,

    /// <summary>The product itself (the deadline watcher).</summary>
    System = 32,
}
