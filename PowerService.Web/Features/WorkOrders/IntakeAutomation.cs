using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>
/// What happens to a complaint as it is registered, whoever registers it: the public-opinion check
/// and, where a rule applies, automatic dispatch. Read once per registration (or per batch of API work
/// orders, or once per import, whose batches go on counting the workloads they hand out), from the
/// admin's lists as they are then.
/// </summary>
public sealed class IntakeAutomation
{
    private readonly PublicOpinionWatch _watch;
    private readonly IReadOnlyList<DispatchRule> _rules;
    private readonly Func<Task<List<DispatchCandidate>>> _loadCandidates;
    private List<DispatchCandidate>? _candidates;

    private IntakeAutomation(PublicOpinionWatch watch, IReadOnlyList<DispatchRule> rules, Func<Task<List<DispatchCandidate>>> loadCandidates) =>
        (_watch, _rules, _loadCandidates) = (watch, rules, loadCandidates);

    public static async Task<IntakeAutomation> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var terms = await db.OpinionTerms.AsNoTracking().Select(t => t.Term).ToListAsync(ct);
        var rules = await db.DispatchRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        return new(new PublicOpinionWatch(terms), [.. rules.Select(r => r.ToRule())], () => CandidatesAsync(db, ct));
    }

    public PublicOpinionFlag OpinionOf(ComplaintIntake intake) =>
        _watch.Check(intake.Channel, intake.Content, intake.Demands, intake.ExpectedOutcome);

    /// <summary>
    /// Dispatches a just-registered complaint when a rule takes it, as the system, and counts it to the
    /// chosen handler so the next complaint of a batch sees the new workload. Returns what was decided.
    /// </summary>
    public async Task<DispatchDecision?> DispatchAsync(Complaint complaint, bool typedIntake, StepContext registration)
    {
        if (Dispatcher.RuleFor(_rules, complaint.Category, complaint.SubCategory, complaint.Customer.Address, typedIntake) is not { } rule) return null;
        _candidates ??= await _loadCandidates();
        if (Dispatcher.Decide(rule, _candidates) is not { } decision) return null;
        var order = new DispatchOrder(new Actor(decision.Handler.UserId, decision.Handler.DisplayName), decision.Handler.Department, decision.Explanation);
        var context = registration with { By = StaffRoles.SystemActor, Roles = [StaffRole.System], Note = null };
        if (!complaint.Dispatch(order, context).Succeeded) return null;
        var index = _candidates.IndexOf(decision.Handler);
        _candidates[index] = decision.Handler with { OpenComplaints = decision.Handler.OpenComplaints + 1 };
        return decision;
    }

    /// <summary>Enabled handlers with their skills and how many open complaints each owns now.</summary>
    private static async Task<List<DispatchCandidate>> CandidatesAsync(AppDbContext db, CancellationToken ct)
    {
        var handlers = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == nameof(StaffRole.Handler) && !u.IsDisabled
                              select new { u.Id, u.DisplayName, u.Department }).ToListAsync(ct);
        var skills = (await db.StaffSkills.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.UserId, s => s.Skill);
        var open = Enum.GetValues<Stage>().Where(s => s.IsOpen()).ToList();
        var ids = handlers.Select(h => h.Id).ToList();
        var load = await db.Complaints.Where(c => open.Contains(c.Stage) && ids.Contains(c.Owner.UserId))
            .GroupBy(c => c.Owner.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. handlers.Select(h => new DispatchCandidate(h.Id, h.DisplayName, h.Department, skills[h.Id].ToList(), load.GetValueOrDefault(h.Id)))];
    }
}
