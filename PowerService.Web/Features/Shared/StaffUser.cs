using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PowerService.Domain;
using PowerService.Domain.Staff;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Shared;

/// <summary>The signed-in member of staff, as the features need them.</summary>
public sealed record StaffUser(Actor Actor, IReadOnlyList<StaffRole> Roles, string Department)
{
    /// <summary>The department manages complaints for the whole company (its managers are company-level managers).</summary>
    public bool CompanyLevel { get; init; }

    /// <summary>Where the person works: with their roles it decides how they stand to each complaint.</summary>
    public Workplace Workplace => new(Department, CompanyLevel);

    /// <summary>How this person stands to a complaint (owner, first responder, department, manager).</summary>
    public Relation RelationTo(PowerService.Domain.Complaints.Complaint complaint) => complaint.RelationOf(Actor, Roles, Workplace);

    /// <summary>The complaint is within what this person may see (own, first taken, department's; everything for company-level managers and admins).</summary>
    public bool MayView(PowerService.Domain.Complaints.Complaint complaint) => LoopPermissions.MayView(Roles, RelationTo(complaint), Workplace);

    /// <summary>The account's security stamp when this person signed in; a write is refused once the stored one differs (signed out, disabled, re-roled).</summary>
    public string? SecurityStamp { get; init; }

    public const string DisplayNameClaim = "ps:display_name";
    public const string DepartmentClaim = "ps:department";
    public const string CompanyLevelClaim = "ps:company_level";

    /// <summary>Present while the person still has the one-time password an admin gave them.</summary>
    public const string MustChangePasswordClaim = "ps:must_change_password";

    public bool Is(StaffRole role) => Roles.Contains(role);

    /// <summary>
    /// Name · roles · department for the app bar. A role whose name is the person's display name
    /// (the admin account is called 系统管理员) is not said twice.
    /// </summary>
    public string Summary
    {
        get
        {
            var roles = string.Join("、", Roles.Select(Labels.Of).Where(r => r != Actor.DisplayName));
            return string.Join(" · ", new[] { Actor.DisplayName, roles, Department }.Where(p => !string.IsNullOrWhiteSpace(p)));
        }
    }

    public static StaffUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity?.Name ?? "";
        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<StaffRole>(c.Value, out var r) ? r : (StaffRole?)null)
            .OfType<StaffRole>().Distinct().ToList();
        return new(new Actor(id, name), roles, principal.FindFirstValue(DepartmentClaim) ?? "")
        {
            SecurityStamp = principal.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType),
            CompanyLevel = principal.HasClaim(CompanyLevelClaim, "1"),
        };
    }
}

/// <summary>Gives components the signed-in staff member.</summary>
public sealed class CurrentStaff(AuthenticationStateProvider auth)
{
    public async Task<StaffUser> GetAsync() => StaffUser.From((await auth.GetAuthenticationStateAsync()).User);
}

/// <summary>
/// Adds the display name, department and whether it is company-level to the sign-in cookie, so pages
/// need no user lookup. The cookie is re-issued on every security-stamp validation, so a change is read afresh.
/// </summary>
public sealed class StaffClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffUser.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(StaffUser.DepartmentClaim, user.Department));
        if (await db.IsCompanyLevelAsync(user.Department))
            identity.AddClaim(new Claim(StaffUser.CompanyLevelClaim, "1"));
        if (user.MustChangePassword) identity.AddClaim(new Claim(StaffUser.MustChangePasswordClaim, "1"));
        return identity;
    }
}
