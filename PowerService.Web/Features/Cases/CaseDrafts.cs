using PowerService.Domain;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;

namespace PowerService.Web.Features.Cases;

/// <summary>
/// The first draft of a case from a closed complaint: every text through the de-identifier, staff
/// named by their role. Runs on the server only; what it returns is all a trainer ever receives.
/// </summary>
public static class CaseDrafts
{
    public static CaseContent From(Complaint complaint, IReadOnlyDictionary<string, string> staff)
    {
        var anonymiser = new Anonymiser(complaint.Customer);
        string Clean(string? text) => StaffToRoles(anonymiser.Text(text) ?? "", staff);
        var background = $"{complaint.ReceivedAt.ChinaDate():yyyy年M月}，客户通过{Labels.Of(complaint.Channel)}反映{Labels.Of(complaint.Category)}（{complaint.SubCategory}）问题：{Clean(complaint.Content)}"
                         + (string.IsNullOrWhiteSpace(complaint.Demands) ? "" : $"\n客户诉求：{Clean(complaint.Demands)}");
        var process = new List<string>();
        if (complaint.Investigation is { } found)
            process.Add($"调查分析：{Clean(found.Facts)}{(string.IsNullOrWhiteSpace(found.Cause) ? "" : $" 原因：{Clean(found.Cause)}")}");
        foreach (var revisit in complaint.Revisits)
            process.Add($"{Labels.Of(revisit.Round)}：{(revisit.Record.Reached ? revisit.Record.Satisfaction is { } s ? Labels.Of(s) : "已联系" : "未联系上")}"
                        + (string.IsNullOrWhiteSpace(revisit.Record.CustomerOpinion) ? "" : $"，客户意见：{Clean(revisit.Record.CustomerOpinion)}"));
        if (complaint.ReopenCount > 0) process.Add($"回访不满意后重新处理 {complaint.ReopenCount} 次。");
        var solution = complaint.Resolution is { } plan
            ? Clean(plan.Solution) + (string.IsNullOrWhiteSpace(plan.CustomerCommunication) ? "" : $"\n与客户沟通：{Clean(plan.CustomerCommunication)}")
            : "";
        var lessons = complaint.Improvement is { } improvement ? $"根本原因：{Clean(improvement.RootCause)}" : "";
        return new CaseContent($"{Labels.Of(complaint.Category)}：{complaint.SubCategory}", background, string.Join('\n', process), solution,
            "", lessons, [Labels.Of(complaint.Category), complaint.SubCategory, Labels.Of(complaint.Channel)]);
    }

    /// <summary>The first words of the complaint, de-identified: what a trainer sees before choosing it.</summary>
    public static string Excerpt(Complaint complaint, IReadOnlyDictionary<string, string> staff)
    {
        var text = StaffToRoles(new Anonymiser(complaint.Customer).Text(complaint.Content) ?? "", staff);
        return text.Length <= 80 ? text : text[..80] + "…";
    }

    /// <summary>How a case names a member of staff: by what they did, never by name.</summary>
    public static string RoleWord(IEnumerable<string?> roles)
    {
        var held = roles.Select(r => Enum.TryParse<StaffRole>(r, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().ToList();
        return held.Contains(StaffRole.Manager) ? "管理人员"
            : held.Contains(StaffRole.Handler) ? "处理人员"
            : held.Contains(StaffRole.IntakeAgent) ? "受理人员"
            : "工作人员";
    }

    private static string StaffToRoles(string text, IReadOnlyDictionary<string, string> staff)
    {
        foreach (var (name, role) in staff.OrderByDescending(s => s.Key.Length)) text = text.Replace(name, role, StringComparison.Ordinal);
        return text;
    }
}
