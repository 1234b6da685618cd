using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Account;
using PowerService.Web.Features.Users;

namespace PowerService.Tests.Data;

/// <summary>Real accounts: created, changed, disabled and reset by admins, each change audited and ending the sessions it should.</summary>
public abstract class UserAdminTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private UserAdminService Admin => _db.Services.GetRequiredService<UserAdminService>();

    private async Task<(UserManager<ApplicationUser> Users, AsyncServiceScope Scope)> UsersAsync()
    {
        var scope = _db.Services.CreateAsyncScope();
        return (scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), scope);
    }

    private async Task<string> CreateAsync(string userName = "wangwei")
    {
        var created = await Admin.CreateAsync(new NewUser(userName, "王伟", "城区供电所", [StaffRole.Handler]), await _db.StaffAsync("admin"), TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Message)));
        return created.Value!;
    }

    [Fact]
    public async Task A_created_account_has_a_one_time_password_that_must_be_changed_and_is_audited()
    {
        var password = await CreateAsync();

        var (users, scope) = await UsersAsync();
        await using (scope)
        {
            var user = (await users.FindByNameAsync("wangwei"))!;
            Assert.True(await users.CheckPasswordAsync(user, password));
            Assert.True(user.MustChangePassword);
            Assert.Equal(["Handler"], await users.GetRolesAsync(user));
        }
        Assert.Equal(12, password.Length);
        var audit = Assert.Single(await Admin.AuditAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(("系统管理员", "创建账号", "wangwei", "王伟，城区供电所，处理员"), (audit.ActorName, audit.Action, audit.TargetUserName, audit.Detail));
    }

    [Fact]
    public async Task Bad_input_is_refused_at_its_field()
    {
        var result = await Admin.CreateAsync(new NewUser("handler", "<b>x</b>", "不存在的部门", []), await _db.StaffAsync("admin"), TestContext.Current.CancellationToken);

        Assert.Equal(
            [("UserName", "用户名 handler 已被使用"), ("DisplayName", "请填写姓名（不超过 20 字的纯文本）"), ("Department", "请选择已有的部门"), ("Roles", "请至少选择一个角色")],
            result.Errors.Select(e => (e.Field, e.Message)));
        Assert.Empty(await Admin.AuditAsync(ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disabling_ends_the_accounts_sessions_and_enabling_lets_it_sign_in_again()
    {
        var admin = await _db.StaffAsync("admin");
        ClaimsPrincipal signedIn;
        string id;
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("handler"))!;
            (id, signedIn) = (user.Id, await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user));
        }
        Assert.True(await IsCurrentAsync(signedIn));

        Assert.Equal("请填写停用原因（不超过 200 字）", Assert.Single((await Admin.DisableAsync(id, " ", admin, TestContext.Current.CancellationToken)).Reasons));
        Assert.True((await Admin.DisableAsync(id, "调离岗位", admin, TestContext.Current.CancellationToken)).Succeeded);

        Assert.False(await IsCurrentAsync(signedIn));
        Assert.False(await CanSignInAsync("handler"));
        Assert.True((await Admin.EnableAsync(id, admin, TestContext.Current.CancellationToken)).Succeeded);
        Assert.True(await CanSignInAsync("handler"));
        Assert.Equal(["启用账号", "停用账号"], (await Admin.AuditAsync(ct: TestContext.Current.CancellationToken)).Select(e => e.Action));
    }

    /// <summary>Each check in a scope of its own, as each request has: a context that already tracks the user would not see the change.</summary>
    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await StaffAuthenticationState.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), principal,
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value);
    }

    /// <summary>What <see cref="StaffSignInManager.CanSignInAsync"/> asks first (the sign-in itself is the browser test's).</summary>
    private async Task<bool> CanSignInAsync(string userName)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return !(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.IsDisabled;
    }

    [Fact]
    public async Task A_tab_whose_session_ended_cannot_change_a_complaint_even_before_it_revalidates()
    {
        var handler = await _db.StaffAsync("agent2"); // a colleague of the service centre, where the complaint is
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        string stamp;
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            stamp = (await users.GetSecurityStampAsync((await users.FindByNameAsync("agent2"))!));
        }
        var openTab = handler with { SecurityStamp = stamp };
        var note = (PowerService.Domain.Complaints.Complaint c, PowerService.Domain.Complaints.Steps.StepContext ctx) =>
            c.AddNote(new PowerService.Domain.Complaints.Steps.ProgressNote("已电话联系客户"), ctx);
        Assert.True((await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, openTab, null, note, TestContext.Current.CancellationToken)).Succeeded);

        Assert.True((await Admin.DisableAsync(handler.Actor.UserId, "调离岗位", await _db.StaffAsync("admin"), TestContext.Current.CancellationToken)).Succeeded);
        var refused = await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, openTab, null, note, TestContext.Current.CancellationToken);

        Assert.False(refused.Succeeded);
        Assert.StartsWith("您的登录已失效", Assert.Single(refused.Result.Reasons));
        Assert.Equal(2, (await _db.LoadAsync(number)).Timeline.Count(e => e.Trigger is null or PowerService.Domain.Complaints.LoopTrigger.AddNote));
    }

    [Fact]
    public async Task A_complaint_is_never_dispatched_to_a_disabled_account()
    {
        var number = await _db.RegisterAsync(await _db.StaffAsync("agent"));
        var handler3 = await _db.StaffAsync("handler3");
        Assert.True((await Admin.DisableAsync(handler3.Actor.UserId, "离职", await _db.StaffAsync("admin"), TestContext.Current.CancellationToken)).Succeeded);

        var outcome = await _db.Complaints.ActAsync(number, (await _db.LoadAsync(number)).Revision, await _db.StaffAsync("agent"), null,
            (c, ctx) => c.Dispatch(new PowerService.Domain.Complaints.Steps.DispatchOrder(handler3.Actor, "运维检修部"), ctx), TestContext.Current.CancellationToken);

        Assert.Equal(("Handler", "周杰 的账号已停用，请另选处理人"), (Assert.Single(outcome.Result.Errors).Field, outcome.Result.Errors[0].Message));
        Assert.Equal(Stage.Intake, (await _db.LoadAsync(number)).Stage);
        Assert.DoesNotContain(await _db.Complaints.HandlersAsync(TestContext.Current.CancellationToken), s => s.UserId == handler3.Actor.UserId);
    }

    [Fact]
    public async Task The_first_production_admin_is_made_on_the_server_with_a_password_read_from_standard_input()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var output = new StringWriter();

        var weak = await AdminBootstrap.RunAsync(_db.Services, configuration, ["create-admin", "--user", "zhangsan", "--name", "张三"], new StringReader("zhangsan1\n"), output);
        var made = await AdminBootstrap.RunAsync(_db.Services, configuration, ["create-admin", "--user", "zhangsan", "--name", "张三"], new StringReader("Gongdian#2026\n"), output);

        Assert.Equal((1, 0), (weak, made));
        Assert.Contains("未创建：", output.ToString());
        var row = (await Admin.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "zhangsan");
        Assert.Equal([StaffRole.Admin], row.Roles);
        var audit = Assert.Single(await Admin.AuditAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(("服务器命令行", "创建账号", "zhangsan"), (audit.ActorName, audit.Action, audit.TargetUserName));
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves_or_change_their_own_roles()
    {
        var admin = await _db.StaffAsync("admin");

        Assert.Equal("不能停用自己的账号", Assert.Single((await Admin.DisableAsync(admin.Actor.UserId, "测试", admin, TestContext.Current.CancellationToken)).Reasons));
        Assert.Equal("不能修改自己的角色，请由另一位系统管理员操作",
            Assert.Single((await Admin.SetRolesAsync(admin.Actor.UserId, [StaffRole.Admin, StaffRole.Manager], admin, TestContext.Current.CancellationToken)).Reasons));
        Assert.Empty(await Admin.AuditAsync(ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_last_enabled_admin_keeps_the_role_and_only_admins_manage_accounts()
    {
        var admin = await _db.StaffAsync("admin");
        var created = await Admin.CreateAsync(new NewUser("second.admin", "第二管理员", "客户服务中心", [StaffRole.Admin]), admin, TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Message)));
        var second = (await Admin.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "second.admin");
        var secondStaff = new PowerService.Web.Features.Shared.StaffUser(new Actor(second.Id, "第二管理员"), [StaffRole.Admin], "信息中心");

        var demoted = await Admin.SetRolesAsync(admin.Actor.UserId, [StaffRole.Handler], secondStaff, TestContext.Current.CancellationToken);
        Assert.True(demoted.Succeeded, string.Join("；", demoted.Reasons));
        Assert.Equal("这是唯一可用的系统管理员账号，不能取消其系统管理员角色",
            Assert.Single((await Admin.SetRolesAsync(second.Id, [StaffRole.Handler], admin, TestContext.Current.CancellationToken)).Reasons));
        Assert.Equal("只有系统管理员可以管理账号",
            Assert.Single((await Admin.DisableAsync(second.Id, "越权", await _db.StaffAsync("manager"), TestContext.Current.CancellationToken)).Reasons));
    }

    [Fact]
    public async Task A_reset_password_works_once_and_must_be_changed()
    {
        var admin = await _db.StaffAsync("admin");
        var handler2 = await _db.StaffAsync("handler2");

        var reset = await Admin.ResetPasswordAsync(handler2.Actor.UserId, admin, TestContext.Current.CancellationToken);

        Assert.True(reset.Succeeded, string.Join("；", reset.Errors.Select(e => e.Message)));
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var after = (await users.FindByNameAsync("handler2"))!;
        Assert.True(await users.CheckPasswordAsync(after, reset.Value!));
        Assert.False(await users.CheckPasswordAsync(after, DemoData.Password));
        Assert.True(after.MustChangePassword);
    }

    [Theory]
    [InlineData("short1!", "密码至少 8 位")]
    [InlineData("alllowercase1!", "密码须包含大写字母")]
    [InlineData("NoDigits!!", "密码须包含数字")]
    [InlineData("NoSymbol123", "密码须包含符号（如 @、#、!）")]
    [InlineData("Handler2@2026", "密码不能包含用户名")]
    public async Task The_password_policy_answers_in_chinese(string password, string message)
    {
        var (users, scope) = await UsersAsync();
        await using (scope)
        {
            var user = (await users.FindByNameAsync("handler2"))!;
            var result = await users.ChangePasswordAsync(user, DemoData.Password, password);
            Assert.Contains(message, result.Errors.Select(e => e.Description));
        }
    }

    [Fact]
    public async Task The_admin_audit_log_cannot_be_rewritten_in_the_database()
    {
        await CreateAsync();
        await using var db = _db.NewContext();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AdminAuditEvents\" SET \"Detail\" = 'x'", TestContext.Current.CancellationToken));
    }
}

public sealed class UserAdminTestsOnSqlite() : UserAdminTests(DatabaseProvider.Sqlite);

public sealed class UserAdminTestsOnPostgres() : UserAdminTests(DatabaseProvider.Postgres);
