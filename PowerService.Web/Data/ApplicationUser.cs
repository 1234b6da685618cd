using Microsoft.AspNetCore.Identity;

namespace PowerService.Web.Data;

/// <summary>A member of staff: Identity user with the name shown on the timeline and their department.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Department { get; set; } = "";
}

/// <summary>An organisational unit complaints are dispatched to (班组/供电所/部门), with its business hours.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public TimeOnly Opens { get; set; } = new(8, 30);
    public TimeOnly Closes { get; set; } = new(17, 30);
}
