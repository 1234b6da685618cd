using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>An admin makes a real account; its owner must choose a password; disabling it ends the open session.</summary>
public sealed class UserAccountTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(DateTimeOffset.UtcNow);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_account_made_by_an_admin_changes_its_password_first_and_loses_its_session_when_disabled()
    {
        var admin = await _app.SignInAsync("admin");
        await admin.GotoAsync($"{_app.BaseUrl}/admin/users");
        await Expect(admin.Locator("[data-testid=new-create]")).ToBeEnabledAsync(); // the circuit is up: typing before it is lost
        await admin.EnterAsync("new-username", "wangwei");
        await admin.EnterAsync("new-displayname", "王伟");
        await admin.Locator(".mud-select:has([data-testid=new-department])").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "城区供电所" }).ClickAsync();
        await admin.Locator(".mud-select:has([data-testid=new-roles])").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "处理员" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "新建账号" }).ClickAsync(); // a multi-select stays open: close it by clicking beside it
        await Expect(admin.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await admin.ClickAsync("[data-testid=new-create]");
        var password = (await admin.Locator("[data-testid=one-time-password] b").TextContentAsync())!.Trim();
        await admin.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("admin-users.png"), FullPage = true });

        var user = await _app.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        await user.GotoAsync($"{_app.BaseUrl}/account/login");
        await user.FillAsync("#username", "wangwei");
        await user.FillAsync("#password", password);
        await user.ClickAsync("button[type=submit]");
        await user.WaitForURLAsync("**/account/password");
        await Expect(user.Locator("[data-testid=must-change]")).ToBeVisibleAsync();
        await user.FillAsync("#current", password);
        await user.FillAsync("#new", "weakpassword");
        await user.FillAsync("#confirm", "weakpassword");
        await user.ClickAsync("button[type=submit]");
        await Expect(user.Locator(".login-error").First).ToContainTextAsync("密码须包含");
        Assert.DoesNotContain(password, await user.ContentAsync()); // passwords typed never come back in the page
        Assert.Equal("", await user.Locator("#new").InputValueAsync());
        await user.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("change-password.png") });
        await user.FillAsync("#current", password);
        await user.FillAsync("#new", "Gongdian#2026");
        await user.FillAsync("#confirm", "Gongdian#2026");
        await user.ClickAsync("button[type=submit]");
        await Expect(user.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("王伟");
        await Expect(user.Locator("[data-testid=queue-table]")).ToBeVisibleAsync();

        await admin.ReloadAsync();
        await Expect(admin.Locator("[data-testid=new-create]")).ToBeEnabledAsync();
        await admin.ClickAsync("[data-testid=disable-wangwei]");
        await admin.EnterAsync("disable-reason", "调离岗位");
        await admin.ClickAsync("[data-testid=disable-confirm]");
        await Expect(admin.Locator("[data-testid=user-state-wangwei]")).ToContainTextAsync("已停用");
        await Expect(admin.Locator("[data-testid=admin-audit]")).ToContainTextAsync("停用：调离岗位");

        await user.WaitForURLAsync("**/account/login**", new() { Timeout = 15_000 });
        await user.FillAsync("#username", "wangwei");
        await user.FillAsync("#password", "Gongdian#2026");
        await user.ClickAsync("button[type=submit]");
        await Expect(user.Locator(".login-error")).ToHaveTextAsync("用户名或密码不正确。");
    }
}
