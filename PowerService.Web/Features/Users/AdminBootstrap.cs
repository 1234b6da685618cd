using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Staff;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Users;

/// <summary>
/// The first admin of a Production installation, made from the command line on the server — never
/// a published password:
/// <c>dotnet PowerService.Web.dll create-admin --user NAME --name 姓名 --department 部门</c>,
/// the password read from standard input (or POWERSERVICE_ADMIN_PASSWORD for scripted set-ups).
/// </summary>
public static class AdminBootstrap
{
    public const string Command = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, string[] args, TextReader input, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var (userName, displayName, department) = (Option("--user"), Option("--name") ?? "系统管理员", Option("--department") ?? "信息中心");
        if (string.IsNullOrWhiteSpace(userName))
        {
            await output.WriteLineAsync("用法 / usage: create-admin --user NAME [--name 姓名] [--department 部门]，密码从标准输入读取");
            return 2;
        }
        await services.PrepareDatabaseAsync(configuration);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await output.WriteLineAsync($"账号 {userName} 已存在，未作修改。");
            return 1;
        }
        if (!await db.Departments.AnyAsync(d => d.Name == department))
            db.Departments.Add(new Department { Name = department });
        await db.SaveChangesAsync();

        var password = Environment.GetEnvironmentVariable("POWERSERVICE_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("请输入新管理员的密码（至少 8 位，含大小写字母、数字和符号）：");
            password = (await input.ReadLineAsync())?.Trim();
        }
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, Department = department, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            await output.WriteLineAsync("未创建：" + string.Join("；", created.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, nameof(StaffRole.Admin));
        db.AdminAuditEvents.Add(AdminAuditEvent.Of(new Actor("console", "服务器命令行"), "创建账号", userName,
            $"{displayName}，{department}，系统管理员（首个管理员）", scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"已创建系统管理员 {userName}。");
        return 0;
    }
}
