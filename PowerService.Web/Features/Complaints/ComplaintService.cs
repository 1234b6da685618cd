using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Privacy;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Domain.Wording;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

namespace PowerService.Web.Features.Complaints;

/// <summary>
/// The pages' one door to complaints: queue queries, registration, and every step of the loop.
/// Steps run on a freshly loaded aggregate inside the write gate; a step the person took on a
/// version of the complaint that has since changed is refused as a conflict, so no one overwrites
/// what another person recorded meanwhile.
/// </summary>
public sealed partial class ComplaintService(
    IDbContextFactory<AppDbContext> dbFactory,
    WriteGate gate,
    TimeProvider time,
    SlaSchedules schedules,
    Integrity.IntegrityAlarm alarm,
    Privacy.PiiAccessLog accessLog,
    Wording.WordingService wording,
    AlertSignal signal,
    ILogger<ComplaintService> log)
{
    private const string SaveFailed = "保存失败，数据未写入。请稍后重试；如仍失败请联系系统管理员。";

    /// <summary>
    /// The complaints a person may see, as a query: what they own or took first, and what is with
    /// their department; everything for company-level managers and admins. The same rule as
    /// <see cref="LoopPermissions.MayView"/>, which a test holds this to.
    /// </summary>
    public static IQueryable<Complaint> InScope(IQueryable<Complaint> complaints, StaffUser user)
    {
        if (!LoopPermissions.MayViewLiveComplaints(user.Roles)) return complaints.Where(_ => false);
        if (LoopPermissions.SeesEveryComplaint(user.Roles, user.Workplace)) return complaints;
        var id = user.Actor.UserId;
        var department = user.Department;
        return complaints.Where(c => c.Owner.UserId == id || c.FirstResponder.UserId == id || c.Department == department);
    }

    /// <summary>A complaint as this person may open it: not found, outside their scope (said plainly), or the complaint.</summary>
    public async Task<ComplaintLookup> FindAsync(string number, StaffUser user, CancellationToken ct = default)
    {
        var complaint = await FindAsync(number, ct);
        if (complaint is null) return new(null, null);
        return user.MayView(complaint)
            ? new(complaint, null)
            : new(null, $"投诉 {complaint.Number} 由{complaint.Department}办理，不在您的查看范围内（本人办理、首问或本部门的投诉）。如需协办，请联系该部门或公司级管理人员。");
    }

    /// <summary>Any complaint by number, whoever asks: for the service's own checks and for tests, never for a page.</summary>
    public async Task<Complaint?> FindAsync(string number, CancellationToken ct = default)
    {
        if (!ComplaintNumber.TryParse(number, out var parsed)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Timeline).Include(c => c.Evidence).AsSplitQuery().SingleOrDefaultAsync(c => c.Number == parsed, ct);
        // Verified on every read; the page says so plainly, and the operators' log gets it (once, then counted).
        if (complaint is not null && Integrity.IntegrityService.TimelineFinding(complaint) is { } finding) await alarm.ReportAsync(finding, ct);
        return complaint;
    }

    /// <summary>
    /// Registers a complaint and returns its number. The same intake token twice (a double click,
    /// a resent form) returns the complaint the first submit created.
    /// </summary>
    public Task<StepResult<string>> RegisterAsync(ComplaintIntake intake, Guid intakeToken, StaffUser user, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new StepResult<string>(null, ended);
            var existing = await db.Complaints.Where(c => c.IntakeToken == intakeToken).Select(c => c.Number).SingleOrDefaultAsync(ct);
            if (existing is not null) return new StepResult<string>(existing, StepResult.Success);

            var context = StepContext.Now(time, user.Actor, user.Roles, sla: await schedules.ForDepartmentAsync(user.Department, ct));
            var number = (await ComplaintNumbering.NextAsync(db, context.At.ChinaDate(), 1, ct))?.Single();
            if (number is null) return new StepResult<string>(null, StepResult.Refused("今日投诉编号已用完，请联系系统管理员"));

            var repeatOf = (await WorkOrders.RepeatFinder.LoadAsync(db, [intake], context.At, ct)).EarlierOf(intake);
            var automation = await WorkOrders.IntakeAutomation.LoadAsync(db, ct);
            var registered = Complaint.Register(intake, number, intakeToken, user.Department, context, repeatOf, automation.OpinionOf(intake));
            if (!registered.Succeeded) return new StepResult<string>(null, registered.Outcome);

            var complaint = registered.Value!;
            await automation.DispatchAsync(complaint, typedIntake: true, context);
            db.Complaints.Add(complaint);
            // The public-opinion alert needs the complaint's id: both in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await SaveAsync(db, ct) is { } failure) return new StepResult<string>(null, failure);
            if (WorkOrders.OpinionAlerts.For(complaint, context.At) is { } alert)
            {
                db.SlaAlerts.Add(alert);
                if (await SaveAsync(db, ct) is { } alertFailure) return new StepResult<string>(null, alertFailure);
            }
            await transaction.CommitAsync(ct);
            if (complaint.PublicOpinion is not null) signal.Raise();
            return new StepResult<string>(number, StepResult.Success);
        }, ct);

    /// <summary>Runs one step of the loop on the complaint as it is now, if it is still as the person saw it.</summary>
    public Task<ActionOutcome> ActAsync(string number, int seenRevision, StaffUser user, string? note,
        Func<Complaint, StepContext, StepResult> step, CancellationToken ct = default) =>
        ActAsync(number, seenRevision, user, note, step, alsoStore: null, ct);

    /// <summary>
    /// As above; <paramref name="alsoStore"/> adds rows that belong to the step (an issued document's
    /// bytes) to the same save, so the step and its data are stored together or not at all.
    /// </summary>
    public Task<ActionOutcome> ActAsync(string number, int seenRevision, StaffUser user, string? note,
        Func<Complaint, StepContext, StepResult> step, Action<AppDbContext, Complaint>? alsoStore, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new ActionOutcome(ended);
            var complaint = await db.Complaints.Include(c => c.Timeline).Include(c => c.Evidence).AsSplitQuery().SingleOrDefaultAsync(c => c.Number == number, ct);
            if (complaint is null) return ActionOutcome.Refused($"未找到投诉 {number}");
            if (complaint.Revision != seenRevision) return Conflict(complaint);

            var schedule = await schedules.ForDepartmentAsync(complaint.Department, ct);
            var ownerBefore = complaint.Owner.UserId;
            var customerFacingBefore = CustomerFacing.Texts(complaint);
            var workplace = await StaffChecks.WorkplaceAsync(db, user, ct);
            var result = step(complaint, StepContext.Now(time, user.Actor, user.Roles, note, schedule, workplace));
            // The complaint and its timeline and evidence are read by separate queries: another person's step
            // saved between them shows as a refusal here ("已移除") although it is a conflict.
            if (!result.Succeeded)
                return await FindAsync(number, ct) is { } moved && moved.Revision != seenRevision ? Conflict(moved) : new ActionOutcome(result);
            // Forbidden service phrases just written where the customer will read them count against the writer (the page warned as they typed).
            db.WordingHits.AddRange(await wording.HitsAsync(CustomerFacing.Written(customerFacingBefore, CustomerFacing.Texts(complaint)), user, number, ct));
            // The page's list of handlers may be older than an account's disabling: checked here, where it is stored.
            if (complaint.Owner.UserId != ownerBefore && !await db.Users.AnyAsync(u => u.Id == complaint.Owner.UserId && !u.IsDisabled, ct))
                return new ActionOutcome(StepResult.Refused([new("Handler", $"{complaint.Owner.DisplayName} 的账号已停用，请另选处理人")]));
            alsoStore?.Invoke(db, complaint);

            try
            {
                await db.SaveChangesAsync(ct);
                return new ActionOutcome(result);
            }
            catch (DbUpdateException ex)
            {
                // Another instance saved this complaint first. Depending on the order the provider
                // writes rows, that shows as the concurrency token, as the timeline's unique
                // (complaint, sequence) key or as a deadlock PostgreSQL broke; either way the complaint has moved on: a conflict.
                if (await MovedOnAsync(number, seenRevision, ex, ct) is { } current) return Conflict(current);
                log.LogError(ex, "Saving complaint {Number} failed", number);
                return new ActionOutcome(StepResult.Refused(SaveFailed));
            }
        }, ct);

    /// <summary>
    /// Merges a duplicate into the main complaint in one save (docs/domain.md §11): the duplicate ends as
    /// merged, the main one takes the highest urgency and the tighter limits. Either having changed
    /// since (a step, another merge) is a conflict and nothing is stored.
    /// </summary>
    public Task<ActionOutcome> MergeAsync(string number, int seenRevision, StaffUser user, MergeRequest request, string? note, CancellationToken ct = default) =>
        gate.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await StaffChecks.SessionEndedAsync(db, user, ct) is { } ended) return new ActionOutcome(ended);
            var duplicate = await db.Complaints.Include(c => c.Timeline).SingleOrDefaultAsync(c => c.Number == number, ct);
            if (duplicate is null) return ActionOutcome.Refused($"未找到投诉 {number}");
            Complaint? survivor = null;
            if (ComplaintNumber.TryParse(request.IntoNumber, out var into) && into != number)
            {
                survivor = await db.Complaints.Include(c => c.Timeline).SingleOrDefaultAsync(c => c.Number == into, ct);
                if (survivor is null) return new(StepResult.Refused([new(nameof(MergeRequest.IntoNumber), $"未找到投诉 {into}")]));
                if (survivor.RefusesDuplicates is { } closed) return new(StepResult.Refused([closed]));
            }
            if (duplicate.Revision != seenRevision) return Conflict(duplicate);

            var context = StepContext.Now(time, user.Actor, user.Roles, note, await schedules.ForDepartmentAsync(duplicate.Department, ct), await StaffChecks.WorkplaceAsync(db, user, ct));
            // Without a main complaint to merge into, the duplicate's own step says what is wrong with the request.
            var result = survivor is null ? duplicate.MergeInto(request, context) : Complaint.Merge(duplicate, survivor, request.Reason, context);
            if (!result.Succeeded) return new ActionOutcome(result);
            try
            {
                await db.SaveChangesAsync(ct);
                return new ActionOutcome(result);
            }
            catch (DbUpdateException ex)
            {
                if (await MovedOnAsync(number, seenRevision, ex, ct) is { } current) return Conflict(current);
                if (survivor is not null && await FindAsync(survivor.Number, ct) is { } main)
                    return ActionOutcome.Refused($"投诉 {main.Number} 刚刚有了新的变化（{main.Timeline.OrderBy(e => e.Sequence).Last().ActionLabel}），未合并。请核对后重新提交。", conflict: true);
                log.LogError(ex, "Merging complaint {Number} failed", number);
                return new ActionOutcome(StepResult.Refused(SaveFailed));
            }
        }, ct);

    /// <summary>
    /// The complaint as another person's save left it, when one made this save fail. When PostgreSQL
    /// broke a deadlock between the two saves, this one can fail before the other has committed: the
    /// other's change is then awaited briefly rather than reported as a failed save.
    /// </summary>
    private async Task<Complaint?> MovedOnAsync(string number, int seenRevision, DbUpdateException failure, CancellationToken ct)
    {
        var contention = failure.InnerException is System.Data.Common.DbException { SqlState: "40P01" or "40001" or "23505" };
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(number, ct) is { } current && current.Revision != seenRevision) return current;
            if (!contention || attempt == 8) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt), ct);
        }
    }

    /// <summary>Who a complaint can be dispatched or reassigned to: enabled handlers and managers, by department and name.</summary>
    public async Task<IReadOnlyList<StaffMember>> HandlersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roleNames = new[] { nameof(StaffRole.Handler), nameof(StaffRole.Manager) };
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where roleNames.Contains(r.Name!) && !u.IsDisabled
                           select new StaffMember(u.Id, u.DisplayName, u.Department)).Distinct().ToListAsync(ct);
        return [.. staff.OrderBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.DisplayName, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync(ct);
    }

    private static ActionOutcome Conflict(Complaint current) => ActionOutcome.Refused(ConflictMessage(current), conflict: true);

    /// <summary>
    /// The one conflict message: who changed the complaint, when, and that the user's input is kept.
    /// Also what the action panel says when a newer version of the complaint no longer offers the open action.
    /// </summary>
    public static string ConflictMessage(Complaint current)
    {
        var last = current.Timeline.OrderBy(e => e.Sequence).Last();
        return $"该投诉已被{last.ActorName}于 {ChinaTime.Format(last.At)} 修改（{last.ActionLabel}，当前阶段：{Labels.Of(current.Stage)}），"
            + "您的操作未保存。您填写的内容仍保留，请核对最新进展后重新提交。";
    }

    /// <summary>Saves, turning a storage failure into a refusal the user can read; the exception goes to the log.</summary>
    private async Task<StepResult?> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex)
        {
            log.LogError(ex, "Saving a complaint failed");
            return StepResult.Refused(SaveFailed);
        }
    }
}
