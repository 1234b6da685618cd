using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Complaints;

/// <summary>A complaint as one viewer may see it, its customer card as it first opens, and whether its record verified (on the original).</summary>
public sealed record ShownComplaint(Complaint Complaint, Customer Card, int? BrokenSeal, PrivacyPolicy Policy);

/// <summary>The customer in full, or why not.</summary>
public sealed record RevealedCustomer(Customer? Customer, string? Refused);

/// <summary>How complaints are shown to whom: the privacy policy applied here, before any component sees them.</summary>
public sealed partial class ComplaintService
{
    /// <summary>
    /// The complaint as <paramref name="user"/> may see it: masked throughout for a masked role, in full for
    /// those who call customers; the customer card opens masked for everyone.
    /// </summary>
    /// <remarks>Outside the person's scope (see <see cref="InScope"/>) the complaint is not shown and the refusal says why.</remarks>
    public async Task<(ShownComplaint? Shown, string? Refusal)> ShowAsync(string number, StaffUser user, CancellationToken ct = default)
    {
        var (complaint, refusal) = await FindAsync(number, user, ct);
        if (complaint is null) return (null, refusal);
        var policy = PrivacyPolicy.For(user.Roles);
        return (new ShownComplaint(policy.Shown(complaint), PrivacyPolicy.MaskedCustomer(complaint.Customer), TimelineSeal.FirstBroken(complaint.Timeline), policy), null);
    }

    /// <summary>The customer in full for a role that calls customers, once the access is on the log; nothing otherwise.</summary>
    public async Task<RevealedCustomer> RevealCustomerAsync(string number, StaffUser user, PiiAccessKind why, CancellationToken ct = default, string? detail = null)
    {
        if (!PrivacyPolicy.For(user.Roles).MayReveal) return new(null, "按最小必要原则，您的角色不能查看客户的完整信息。");
        var (complaint, outOfScope) = await FindAsync(number, user, ct);
        if (complaint is null) return new(null, outOfScope ?? $"未找到投诉 {number}");
        detail ??= why == PiiAccessKind.CustomerCall ? "显示完整客户信息并拨打联系电话" : "显示完整的姓名、联系电话、户号和用电地址";
        return await accessLog.RecordAsync(user, why, complaint.Number, detail, ct)
            ? new(complaint.Customer, null)
            : new(null, Privacy.PiiAccessLog.NotRecorded);
    }

    /// <summary>A masked role's lookup by contact is logged whether or not it found anything; the number searched is kept masked.</summary>
    private Task<bool> LogContactSearchAsync(StaffUser user, SearchTerm term, IReadOnlyList<QueueRow> rows, int total, CancellationToken ct)
    {
        var found = total == 0 ? "未命中" : $"命中 {total} 件：{string.Join("、", rows.Take(10).Select(r => r.Number))}{(total > 10 ? " 等" : "")}";
        return accessLog.RecordAsync(user, PiiAccessKind.ContactSearch, rows.Count == 1 ? rows[0].Number : null, $"按{term.LoggedWhat}检索 {term.Logged}，{found}", ct);
    }
}
