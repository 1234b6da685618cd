using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Domain.WorkOrders;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.WorkOrders;

/// <summary>A handler as the skills table lists them.</summary>
public sealed record HandlerSkills(string UserId, string DisplayName, string Department, IReadOnlyList<string> Skills);

/// <summary>
/// The admin's side of intake automation: dispatch rules, the public-opinion word list and handlers'
/// skills. Every change is on the admin audit log; a rule edited by someone else since it was shown is refused.
/// </summary>
public sealed class IntakeRulesAdmin(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string RuleAction = "派单规则", TermAction = "舆情词", SkillAction = "处理人技能";

    public async Task<IReadOnlyList<DispatchRuleRecord>> RulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DispatchRules.AsNoTracking().OrderByDescending(r => r.Enabled).ThenBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Adds (<paramref name="id"/> 0) or changes a rule; field messages when it is not a rule.</summary>
    public async Task<StepResult> SaveRuleAsync(int id, int seenRevision, DispatchRule rule, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused("只有系统管理员可以维护派单规则");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = await db.Departments.Select(d => d.Name).ToListAsync(ct);
        if (rule.Check(departments) is { Count: > 0 } errors) return StepResult.Refused(errors);
        var record = id == 0 ? db.DispatchRules.Add(new DispatchRuleRecord()).Entity : await db.DispatchRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return StepResult.Refused("该规则不存在");
        if (id != 0 && record.Revision != seenRevision) return StepResult.Refused($"该规则已被{record.UpdatedBy}修改，您的修改未保存，请刷新后重试");
        (record.Name, record.Category, record.SubCategory, record.Area, record.Department, record.Skill, record.OnTypedIntake) =
            (rule.Name.Trim(), rule.Category, TextRules.Clean(rule.SubCategory), TextRules.Clean(rule.Area), rule.Department, TextRules.Clean(rule.Skill), rule.OnTypedIntake);
        return await SaveAsync(db, record, admin, id == 0 ? "新增" : "修改", ct);
    }

    public async Task<StepResult> SetRuleEnabledAsync(int id, int seenRevision, bool enabled, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused("只有系统管理员可以维护派单规则");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.DispatchRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return StepResult.Refused("该规则不存在");
        if (record.Revision != seenRevision) return StepResult.Refused($"该规则已被{record.UpdatedBy}修改，请刷新后重试");
        record.Enabled = enabled;
        return await SaveAsync(db, record, admin, enabled ? "启用" : "停用", ct);
    }

    private async Task<StepResult> SaveAsync(AppDbContext db, DispatchRuleRecord record, StaffUser admin, string what, CancellationToken ct)
    {
        record.Revision++;
        record.UpdatedAt = time.GetUtcNow();
        record.UpdatedBy = admin.Actor.DisplayName;
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, RuleAction, record.Name,
            $"{what}：{(record.Category is { } c ? Domain.Labels.Of(c) : "任意类别")}{(record.SubCategory is { } s ? " / " + s : "")}{(record.Area is { } a ? "，地址含“" + a + "”" : "")} → {record.Department}{(record.Skill is { } k ? "，技能 " + k : "")}", record.UpdatedAt));
        try
        {
            await db.SaveChangesAsync(ct);
            return StepResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return StepResult.Refused("该规则刚被其他管理员修改，您的修改未保存，请刷新后重试");
        }
    }

    public async Task<IReadOnlyList<string>> TermsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OpinionTerms.OrderBy(t => t.Id).Select(t => t.Term).ToListAsync(ct);
    }

    public async Task<StepResult> AddTermAsync(string? term, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused("只有系统管理员可以维护舆情词");
        if (PublicOpinionWatch.TermProblem(term) is { } problem) return StepResult.Refused([new FieldError("Term", problem)]);
        var clean = term!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.OpinionTerms.AnyAsync(t => t.Term == clean, ct)) return StepResult.Refused([new FieldError("Term", $"“{clean}”已在列表中")]);
        db.OpinionTerms.Add(new OpinionTermRecord { Term = clean, AddedAt = time.GetUtcNow(), AddedBy = admin.Actor.DisplayName });
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, TermAction, clean, "新增", time.GetUtcNow()));
        return await SaveTermsAsync(db, ct);
    }

    public async Task<StepResult> RemoveTermAsync(string term, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused("只有系统管理员可以维护舆情词");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.OpinionTerms.SingleOrDefaultAsync(t => t.Term == term, ct);
        if (record is null) return StepResult.Success; // someone removed it already: what was asked holds
        db.OpinionTerms.Remove(record);
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, TermAction, term, "删除", time.GetUtcNow()));
        return await SaveTermsAsync(db, ct);
    }

    private static async Task<StepResult> SaveTermsAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return StepResult.Success;
        }
        catch (DbUpdateException)
        {
            return StepResult.Refused([new FieldError("Term", "该词刚被其他管理员加入或删除，请刷新后查看")]);
        }
    }

    public async Task<IReadOnlyList<HandlerSkills>> HandlersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var handlers = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == nameof(StaffRole.Handler) && !u.IsDisabled
                              select new { u.Id, u.DisplayName, u.Department }).ToListAsync(ct);
        var skills = (await db.StaffSkills.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.UserId, s => s.Skill);
        return [.. handlers.OrderBy(h => h.Department, StringComparer.Ordinal).ThenBy(h => h.DisplayName, StringComparer.Ordinal)
            .Select(h => new HandlerSkills(h.Id, h.DisplayName, h.Department, [.. skills[h.Id].Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Replaces a handler's skills with those typed (separated by 、，, or spaces).</summary>
    public async Task<StepResult> SetSkillsAsync(string userId, string? typed, StaffUser admin, CancellationToken ct = default)
    {
        if (!admin.Roles.Contains(StaffRole.Admin)) return StepResult.Refused("只有系统管理员可以维护处理人技能");
        var skills = (typed ?? "").Split(['、', '，', ',', ' ', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (skills.FirstOrDefault(s => s.Length > 20) is { } tooLong) return StepResult.Refused([new FieldError("Skills", $"技能“{tooLong[..8]}…”超过 20 字")]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return StepResult.Refused("该账号不存在");
        db.StaffSkills.RemoveRange(await db.StaffSkills.Where(s => s.UserId == userId).ToListAsync(ct));
        db.StaffSkills.AddRange(skills.Select(s => new StaffSkill { UserId = userId, Skill = s }));
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(admin.Actor, SkillAction, user.UserName ?? user.DisplayName, skills.Count == 0 ? "清空" : string.Join("、", skills), time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return StepResult.Success;
    }
}
