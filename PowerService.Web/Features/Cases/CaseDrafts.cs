using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;

namespace PowerService.Web.Features.Cases;

/// <summary>What the case pages show of a complaint before a case exists, and how staff are named in cases.</summary>
public static class CaseDrafts
{
    /// <summary>The first words of the complaint, de-identified: what a trainer sees before choosing it.</summary>
    public static string Excerpt(Complaint complaint, IReadOnlyDictionary<string, string> staff)
    {
        var text = new Deidentifier(complaint.Customer, staff, CaseDraft.FormOfAddress(complaint)).Apply(complaint.Content).Text;
        return text.Length <= 80 ? text : text[..80] + "…";
    }

    /// <summary>How a case names a member of staff: by what they did, never by name.</summary>
    public static string RoleWord(IEnumerable<string?> roles) =>
        RoleWord(roles.Select(r => Enum.TryParse<StaffRole>(r, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().ToList());

    public static string RoleWord(IReadOnlyCollection<StaffRole> held)
    {
        return held.Contains(StaffRole.Manager) ? "管理人员"
            : held.Contains(StaffRole.Handler) ? "处理人员"
            : held.Contains(StaffRole.IntakeAgent) ? "受理人员"
            : "工作人员";
    }
}
