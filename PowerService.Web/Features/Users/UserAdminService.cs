using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Domain.Text;
using PowerService.Web.Data;
using PowerService.Web.Features.Account;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Users;

/// <summary>An account as the user list shows it.</summary>
public sealed record UserRow(string Id, string UserName, string DisplayName, string Department, IReadOnlyList<StaffRole> Roles, bool IsDisabled, bool MustChangePassword);

/// <summary>What an admin types to create an account.</summary>
public sealed record NewUser(string? UserName, string? DisplayName, string? Department, IReadOnlyList<StaffRole> Roles);

/// <summary>
/// Accounts, for admins: create, change roles and department, disable and re-enable, reset a
/// password, clear the sign-in throttle. Every change is on the admin audit log, and every change
/// that alters what someone may do rotates their security stamp, so their cookies stop working at
/// once and their open tabs within <see cref="SignInSessionOptions.RevalidateEvery"/>. A created or
/// reset account gets a one-time password shown to the admin once; its owner must replace it.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<AppDbContext> dbFactory,
    SignInThrottle throttle,
    TimeProvider time)
{
    private const string AdminOnly = "只有系统管理员可以管理账号";
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Department).ThenBy(u => u.UserName).ToListAsync(ct);
        return list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Department,
            roles.Where(r => r.UserId == u.Id).Select(r => Enum.Parse<StaffRole>(r.Name!)).Order().ToList(), u.IsDisabled, u.MustChangePassword)).ToList();
    }

    public async Task<IReadOnlyList<AdminAuditEvent>> AuditAsync(int take = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AdminAuditEvents.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Creates an account; its one-time password is the value, shown to the admin once.</summary>
    public async Task<StepResult<string>> CreateAsync(NewUser input, StaffUser by, CancellationToken ct = default)
    {
        if (!by.Is(StaffRole.Admin)) return new(null, StepResult.Refused(AdminOnly));
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var errors = await CheckAsync(users, input, ct);
        if (errors.Count > 0) return new(null, StepResult.Refused(errors));
        var password = OneTimePassword();
        var user = new ApplicationUser
        {
            UserName = input.UserName!.Trim(), DisplayName = input.DisplayName!.Trim(), Department = input.Department!.Trim(),
            EmailConfirmed = true, MustChangePassword = true,
        };
        if (Refusal(await users.CreateAsync(user, password), nameof(NewUser.UserName)) is { } refused) return new(null, refused);
        if (Refusal(await users.AddToRolesAsync(user, input.Roles.Select(r => r.ToString())), nameof(NewUser.Roles)) is { } noRoles)
        {
            await users.DeleteAsync(user); // an account without its roles is half-written: not kept
            return new(null, noRoles);
        }
        await AuditAsync(by, "创建账号", user.UserName, $"{user.DisplayName}，{user.Department}，{RoleNames(input.Roles)}", ct);
        return new(password, StepResult.Success);
    }

    public Task<StepResult> SetRolesAsync(string userId, IReadOnlyList<StaffRole> roles, StaffUser by, CancellationToken ct = default) =>
        ChangeAsync(userId, by, ct, async (users, user) =>
        {
            if (roles.Count == 0 || roles.Contains(StaffRole.System)) return (StepResult.Refused([new FieldError("Roles", "请至少选择一个角色")]), "");
            // Nobody widens their own access (an admin adding 管理人员 would see customers' data unmasked).
            if (user.Id == by.Actor.UserId) return (StepResult.Refused("不能修改自己的角色，请由另一位系统管理员操作"), "");
            var current = await users.GetRolesAsync(user);
            if (current.Contains(nameof(StaffRole.Admin)) && !roles.Contains(StaffRole.Admin) && await IsLastAdminAsync(users, user))
                return (StepResult.Refused("这是唯一可用的系统管理员账号，不能取消其系统管理员角色"), "");
            if (Refusal(await users.RemoveFromRolesAsync(user, current), "Roles") is { } removed) return (removed, "");
            if (Refusal(await users.AddToRolesAsync(user, roles.Select(r => r.ToString())), "Roles") is { } added)
            {
                await users.AddToRolesAsync(user, current); // put back what was there: never an account without roles
                return (added, "");
            }
            return (StepResult.Success, $"角色由{RoleNames(current.Select(Enum.Parse<StaffRole>))}改为{RoleNames(roles)}");
        }, "修改角色");

    public Task<StepResult> SetDepartmentAsync(string userId, string? department, StaffUser by, CancellationToken ct = default) =>
        ChangeAsync(userId, by, ct, async (users, user) =>
        {
            if (!await DepartmentExistsAsync(department, ct)) return (StepResult.Refused([new FieldError("Department", "请选择已有的部门")]), "");
            var from = user.Department;
            user.Department = department!.Trim();
            return (Refusal(await users.UpdateAsync(user), "Department") ?? StepResult.Success, $"部门由{from}改为{user.Department}");
        }, "修改部门");

    public Task<StepResult> DisableAsync(string userId, string? reason, StaffUser by, CancellationToken ct = default) =>
        ChangeAsync(userId, by, ct, async (users, user) =>
        {
            if (!TextRules.Present(reason) || !TextRules.WithinLength(reason, 200) || !TextRules.IsPlainText(reason))
                return (StepResult.Refused([new FieldError("Reason", "请填写停用原因（不超过 200 字）")]), "");
            if (user.Id == by.Actor.UserId) return (StepResult.Refused("不能停用自己的账号"), "");
            user.IsDisabled = true;
            return (Refusal(await users.UpdateAsync(user), "") ?? StepResult.Success, "停用：" + reason!.Trim());
        }, "停用账号");

    public Task<StepResult> EnableAsync(string userId, StaffUser by, CancellationToken ct = default) =>
        ChangeAsync(userId, by, ct, async (users, user) =>
        {
            user.IsDisabled = false;
            return (Refusal(await users.UpdateAsync(user), "") ?? StepResult.Success, "重新启用");
        }, "启用账号");

    /// <summary>Sets a new one-time password (returned once) that the owner must replace at next sign-in.</summary>
    public async Task<StepResult<string>> ResetPasswordAsync(string userId, StaffUser by, CancellationToken ct = default)
    {
        var password = OneTimePassword();
        var result = await ChangeAsync(userId, by, ct, async (users, user) =>
        {
            user.MustChangePassword = true;
            // The one-time password always meets the policy, so the add after the remove does not fail for it.
            var reset = Refusal(await users.RemovePasswordAsync(user), "") ?? Refusal(await users.AddPasswordAsync(user, password), "");
            return (reset ?? StepResult.Success, "重置密码，下次登录须修改");
        }, "重置密码");
        return result.Succeeded ? new(password, result) : new(null, result);
    }

    /// <summary>Clears the sign-in slowing for an account, e.g. after its owner mistyped many times.</summary>
    public Task<StepResult> UnlockAsync(string userId, StaffUser by, CancellationToken ct = default) =>
        ChangeAsync(userId, by, ct, (_, user) =>
        {
            throttle.Forget(user.UserName!);
            return Task.FromResult((StepResult.Success, "解除登录限制（本实例）"));
        }, "解除锁定", endsSessions: false);

    /// <summary>
    /// One change of one account, on the account as stored now (a scope of its own: the page's would
    /// hand back a copy cached when the page opened): applied, its sessions ended where it changes
    /// what they may do, and audited — or refused with nothing audited.
    /// </summary>
    private async Task<StepResult> ChangeAsync(string userId, StaffUser by, CancellationToken ct,
        Func<UserManager<ApplicationUser>, ApplicationUser, Task<(StepResult Result, string Detail)>> change, string action, bool endsSessions = true)
    {
        if (!by.Is(StaffRole.Admin)) return StepResult.Refused(AdminOnly);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return StepResult.Refused("未找到该账号");
        var (result, detail) = await change(users, user);
        if (!result.Succeeded) return result;
        if (endsSessions && Refusal(await users.UpdateSecurityStampAsync(user), "") is { } notEnded) return notEnded;
        await AuditAsync(by, action, user.UserName!, detail, ct);
        return result;
    }

    /// <summary>Whether this is the only enabled admin: the last one can be neither disabled nor demoted.</summary>
    private static async Task<bool> IsLastAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        (await users.GetUsersInRoleAsync(nameof(StaffRole.Admin))).Count(u => !u.IsDisabled) <= 1 && !user.IsDisabled;

    private async Task AuditAsync(StaffUser by, string action, string target, string detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(by.Actor, action, target, detail, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<FieldError>> CheckAsync(UserManager<ApplicationUser> users, NewUser input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!TextRules.Present(input.UserName) || input.UserName!.Trim().Length is < 3 or > 30 || !input.UserName.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            errors.Add(new(nameof(NewUser.UserName), "用户名为 3–30 位字母、数字或 . _ -"));
        else if (await users.FindByNameAsync(input.UserName.Trim()) is not null)
            errors.Add(new(nameof(NewUser.UserName), $"用户名 {input.UserName.Trim()} 已被使用"));
        if (!TextRules.Present(input.DisplayName) || !TextRules.WithinLength(input.DisplayName, 20) || !TextRules.IsPlainText(input.DisplayName))
            errors.Add(new(nameof(NewUser.DisplayName), "请填写姓名（不超过 20 字的纯文本）"));
        if (!await DepartmentExistsAsync(input.Department, ct)) errors.Add(new(nameof(NewUser.Department), "请选择已有的部门"));
        if (input.Roles.Count == 0 || input.Roles.Contains(StaffRole.System)) errors.Add(new(nameof(NewUser.Roles), "请至少选择一个角色"));
        return errors;
    }

    private async Task<bool> DepartmentExistsAsync(string? name, CancellationToken ct)
    {
        if (!TextRules.Present(name)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trimmed = name!.Trim();
        return await db.Departments.AnyAsync(d => d.Name == trimmed, ct);
    }

    private static StepResult? Refusal(IdentityResult result, string field) =>
        result.Succeeded ? null : StepResult.Refused(result.Errors.Select(e => new FieldError(field, e.Description)).ToList());

    private static string RoleNames(IEnumerable<StaffRole> roles) => string.Join("、", roles.Select(PowerService.Domain.Labels.Of));

    /// <summary>12 characters of all four kinds from a cryptographic source, without look-alikes (0/O, 1/l/I).</summary>
    public static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "@#%+=!?";
        var all = upper + lower + digits + symbols;
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) }.Concat(Enumerable.Range(0, 8).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
    }
}
