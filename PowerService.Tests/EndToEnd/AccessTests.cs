using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>Nothing without sign-in; each role lands where its work is and is refused plainly elsewhere.</summary>
public sealed class AccessTests(AccessTests.SharedHost host) : IClassFixture<AccessTests.SharedHost>
{
    private readonly AppHost _app = host.App;

    /// <summary>These tests only read, so one host serves them all.</summary>
    public sealed class SharedHost : IAsyncLifetime
    {
        public AppHost App { get; private set; } = null!;

        public async ValueTask InitializeAsync() => App = await AppHost.StartAsync(DateTimeOffset.UtcNow);

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/complaints/new")]
    [InlineData("/complaints/TS202611230001")]
    [InlineData("/loop")]
    [InlineData("/documents/1")]
    [InlineData("/complaints/TS202611230001/documents")]
    [InlineData("/complaints/TS202611230001/documents/Reply12398")]
    public async Task Every_page_sends_an_anonymous_visitor_to_sign_in(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{_app.BaseUrl}/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_trainer_starts_at_the_case_library_and_cannot_open_the_live_queue()
    {
        var page = await _app.SignInAsync("trainer");

        Assert.EndsWith("/cases", page.Url);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "从办结投诉编写" })).ToBeVisibleAsync();
        await page.GotoAsync($"{_app.BaseUrl}/loop");
        await Expect(page.Locator("[data-testid=loop-stage-Revisit]")).ToContainTextAsync("二次回访满意");
        await page.GotoAsync($"{_app.BaseUrl}/");
        await Expect(page.Locator("[data-testid=access-denied]")).ToContainTextAsync("培训师只查看已办结并脱敏的案例");
        await Expect(page.Locator("text=受理登记")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_chinese_on_the_sign_in_page()
    {
        var page = await _app.Browser.NewPageAsync();
        await page.GotoAsync($"{_app.BaseUrl}/account/login");
        await page.FillAsync("#username", "handler");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator(".login-error")).ToHaveTextAsync("用户名或密码不正确。");
    }
}
