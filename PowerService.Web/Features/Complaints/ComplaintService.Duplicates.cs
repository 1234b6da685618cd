using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Text;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Complaints;

/// <summary>An open complaint of the same customer, as the intake form and the complaint page list it: no customer data beyond what matched.</summary>
public sealed record DuplicateCandidate(
    string Number, Channel Channel, string? UpstreamReference, Category Category, string SubCategory, Urgency Urgency, Stage Stage,
    DateTimeOffset ReceivedAt, string Department, string OwnerName, string MatchedBy, bool MayOpen);

public sealed partial class ComplaintService
{
    /// <summary>How far back an open complaint counts as the same customer's duplicate (docs/domain.md §11).</summary>
    public const int DuplicateWindowDays = 30;

    /// <summary>
    /// Open complaints of the last 30 days with this phone, 户号 or upstream reference, whatever the channel,
    /// newest first — what an agent must see before registering the same customer twice. Each is read
    /// from its own index; a value too short to identify anyone is not searched.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> OpenDuplicatesAsync(string? phone, string? account, string? upstreamReference, StaffUser user,
        string? except = null, CancellationToken ct = default)
    {
        if (!LoopPermissionsAllowIntake(user)) return [];
        phone = TextRules.Clean(phone);
        account = TextRules.Clean(account);
        upstreamReference = TextRules.Clean(upstreamReference);
        var byPhone = phone is not null && TextRules.IsPhone(phone) ? phone : null;
        var byAccount = account is not null && TextRules.IsAccountNumber(account) ? account : null;
        var byReference = upstreamReference is { Length: >= 4 } ? upstreamReference : null;
        if (byPhone is null && byAccount is null && byReference is null) return [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().AddDays(-DuplicateWindowDays);
        var open = Enum.GetValues<Stage>().Where(s => s.IsOpen()).ToList();
        var found = new Dictionary<string, (Complaint C, List<string> By)>();
        async Task AddAsync(IQueryable<Complaint> matching, string by)
        {
            foreach (var c in await matching.Where(c => c.RegisteredAt >= since && open.Contains(c.Stage) && c.Number != except)
                         .OrderByDescending(c => c.RegisteredAt).Take(20).AsNoTracking().ToListAsync(ct))
            {
                if (!found.TryGetValue(c.Number, out var entry)) found[c.Number] = entry = (c, []);
                entry.By.Add(by);
            }
        }
        if (byPhone is not null) await AddAsync(db.Complaints.Where(c => c.Customer.Phone == byPhone), "联系电话");
        if (byAccount is not null) await AddAsync(db.Complaints.Where(c => c.Customer.AccountNumber == byAccount), "户号");
        if (byReference is not null) await AddAsync(db.Complaints.Where(c => c.UpstreamReference == byReference), "上级工单编号");
        return [.. found.Values.OrderByDescending(f => f.C.RegisteredAt).Select(f => new DuplicateCandidate(
            f.C.Number, f.C.Channel, f.C.UpstreamReference, f.C.Category, f.C.SubCategory, f.C.Urgency, f.C.Stage, f.C.ReceivedAt,
            f.C.Department, f.C.Owner.DisplayName, string.Join("、", f.By), user.MayView(f.C)))];
    }

    /// <summary>Only those who register complaints look for duplicates: the others do not type customers' numbers.</summary>
    private static bool LoopPermissionsAllowIntake(StaffUser user) => Domain.Staff.LoopPermissions.MayRegister(user.Roles);

    /// <summary>
    /// The 登记并并入 action: registers what the agent typed (the channel's own record, with its own
    /// reply due) and merges it at once into the complaint already in hand. If the merge is refused
    /// (that complaint ended or changed meanwhile), the new complaint stays registered and the reason is given.
    /// </summary>
    public async Task<(string? Number, ActionOutcome? Merge, StepResult Registration)> RegisterAndMergeAsync(ComplaintIntake intake, Guid intakeToken, StaffUser user,
        string into, CancellationToken ct = default)
    {
        var registered = await RegisterAsync(intake, intakeToken, user, ct);
        if (!registered.Succeeded) return (null, null, registered.Outcome);
        var fresh = await FindAsync(registered.Value!, ct);
        if (fresh!.Stage == Stage.Merged) return (registered.Value, null, registered.Outcome); // a double submit: merged the first time
        var reason = $"同一客户多渠道重复投诉（{Domain.Labels.Of(fresh.Channel)}{(fresh.UpstreamReference is { } r ? "，上级工单 " + r : "")}），统一由 {into} 办理";
        var merged = await MergeAsync(fresh.Number, fresh.Revision, user, new MergeRequest(into, reason), null, ct);
        return (registered.Value, merged, registered.Outcome);
    }
}
