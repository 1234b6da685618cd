using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>Sessions end when they should, sign-in cannot be used to guess or to lock colleagues out, and every response carries its security headers.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(DateTimeOffset.UtcNow);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private HttpClient ClientWith(IEnumerable<BrowserContextCookiesResult>? cookies = null)
    {
        var jar = new CookieContainer();
        foreach (var c in cookies ?? []) jar.Add(new Uri(_app.BaseUrl), new System.Net.Cookie(c.Name, c.Value, c.Path));
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = new Uri(_app.BaseUrl) };
    }

    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_other_tab_and_every_saved_cookie()
    {
        var context = await _app.Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var first = await _app.SignInAsync("handler", await context.NewPageAsync());
        var second = await context.NewPageAsync();
        await second.GotoAsync($"{_app.BaseUrl}/");
        await Expect(second.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();
        var saved = await context.CookiesAsync();
        using (var before = ClientWith(saved))
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);

        await first.ClickAsync("text=退出");
        await first.WaitForURLAsync("**/account/login**");

        await second.WaitForURLAsync("**/account/login**", new() { Timeout = 15_000 }); // the open circuit lost its sign-in
        using var after = ClientWith(saved);
        foreach (var path in new[] { "/", "/complaints/TS202611230001", "/documents/1" })
        {
            var response = await after.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Signing_out_requires_the_forms_antiforgery_token()
    {
        var page = await _app.SignInAsync("handler");
        using var client = ClientWith(await page.Context.CookiesAsync());

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_slow_the_guesser_say_nothing_about_the_account_and_lock_nobody_out()
    {
        var page = await _app.Browser.NewPageAsync(new() { Locale = "zh-CN" });
        async Task<string> TryAsync(string user, string password)
        {
            await page.GotoAsync($"{_app.BaseUrl}/account/login");
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", password);
            await page.ClickAsync("button[type=submit]");
            Assert.DoesNotContain(password, await page.ContentAsync()); // a typed password never comes back in the page
            return (await page.Locator(".login-error").TextContentAsync())!.Trim();
        }

        foreach (var user in new[] { "handler2", "no-such-user" })
        {
            for (var i = 0; i < 3; i++) Assert.Equal("用户名或密码不正确。", await TryAsync(user, "wrong-password"));
            Assert.Equal("尝试次数过多，请 1 秒后再试。", await TryAsync(user, "wrong-password"));
        }

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.False(await users.IsLockedOutAsync((await users.FindByNameAsync("handler2"))!));
        }
        _app.Time.Advance(TimeSpan.FromSeconds(2));
        await _app.SignInAsync("handler2", page);
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("孙丽");
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_the_app_runs_under_and_are_never_cached()
    {
        using var client = ClientWith();
        var login = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Contains("script-src 'self' 'nonce-", login.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", login.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(login.Headers.CacheControl!.NoStore);

        var violations = new List<string>();
        var page = await _app.Browser.NewPageAsync(new() { Locale = "zh-CN" });
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };
        var socket = page.WaitForWebSocketAsync(new() { Predicate = ws => ws.Url.Contains("/_blazor") });
        await _app.SignInAsync("manager", page);
        Assert.StartsWith("ws://", (await socket).Url); // the circuit runs over its WebSocket, not a fallback
        await page.GotoAsync($"{_app.BaseUrl}/complaints/new");
        await page.GotoAsync($"{_app.BaseUrl}/loop");
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_in_chinese()
    {
        using var client = ClientWith();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= PowerService.Web.Features.Account.SignInRateLimit.PostsPerMinute; i++)
            last = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("Input.UserName", "x")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("登录尝试过于频繁", await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
