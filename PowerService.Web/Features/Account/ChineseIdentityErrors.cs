using Microsoft.AspNetCore.Identity;

namespace PowerService.Web.Features.Account;

/// <summary>Identity's messages in Chinese: they reach admins creating accounts and staff changing passwords.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码须包含符号（如 @、#、!）" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含 {uniqueChars} 个不同字符" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名 {userName} 已被使用" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 . _ -" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作未完成，请重试" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "账号已被他人修改，请刷新后重试" };
}

/// <summary>A password must not contain the account's own user name (the one guess every attacker tries first).</summary>
public sealed class NotTheUserNameValidator : IPasswordValidator<Data.ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Data.ApplicationUser> manager, Data.ApplicationUser user, string? password) =>
        Task.FromResult(user.UserName is { Length: > 0 } name && password?.Contains(name, StringComparison.OrdinalIgnoreCase) == true
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名" })
            : IdentityResult.Success);
}

public static class StaffIdentity
{
    /// <summary>The password policy and Chinese messages, for the app and the test host alike.</summary>
    public static IdentityBuilder AddStaffPolicies(this IdentityBuilder identity)
    {
        identity.Services.Configure<IdentityOptions>(options =>
        {
            // Staff systems (等保 2.0): at least 8 characters of all four kinds, never the user name.
            options.Password.RequiredLength = 8;
            options.Password.RequireDigit = options.Password.RequireLowercase = options.Password.RequireUppercase = options.Password.RequireNonAlphanumeric = true;
            options.Password.RequiredUniqueChars = 5;
            options.User.RequireUniqueEmail = false;
        });
        return identity.AddErrorDescriber<ChineseIdentityErrors>().AddPasswordValidator<NotTheUserNameValidator>();
    }
}
