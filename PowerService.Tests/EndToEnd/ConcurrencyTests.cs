using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>Two people in two browsers act on the same complaint; the second one is told, not crashed.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero); // 09:30 Beijing
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(Monday);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_agent_who_dispatches_after_the_manager_sees_the_conflict_and_keeps_the_note()
    {
        const string note = "客户要求今天下午回电，已告知处理时限";
        string number;
        using (var scope = _app.Services.CreateScope())
        {
            var registered = await scope.ServiceProvider.GetRequiredService<ComplaintService>()
                .RegisterAsync(ComplaintBuilder.ValidIntake(), Guid.NewGuid(), await _app.StaffAsync("agent"), TestContext.Current.CancellationToken);
            number = registered.Value!;
        }

        var agent = await _app.SignInAsync("agent");
        var manager = await _app.SignInAsync("manager");
        try
        {
            await agent.GotoAsync($"{_app.BaseUrl}/complaints/{number}");
            await agent.ClickAsync("[data-testid=action-Dispatch]");
            await agent.ChooseAsync("field-Handler", "李强");
            await agent.EnterAsync("field-Note", note);

            await manager.GotoAsync($"{_app.BaseUrl}/complaints/{number}");
            await manager.DoAsync("Dispatch", () => manager.ChooseAsync("field-Handler", "孙丽"), "调查分析");

            await agent.ClickAsync("[data-testid=action-submit]");

            var message = agent.Locator("[data-testid=action-message]");
            await Expect(message).ToContainTextAsync("该投诉已被赵敏于 2026-11-23 09:30 修改（受理派单，当前阶段：调查分析）");
            await Expect(message).ToContainTextAsync("您填写的内容仍保留");
            await Expect(agent.Locator("[data-testid=field-Note]")).ToHaveValueAsync(note);
            await Expect(agent.Locator("[data-testid=action-gone]")).ToContainTextAsync("已不能受理派单");
            await Expect(agent.Locator("[data-testid=action-submit]")).ToHaveCountAsync(0);
            await Expect(agent.Locator("[data-testid=complaint-stage]")).ToHaveTextAsync("调查分析");
            await Expect(agent.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await agent.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("action-conflict.png"), FullPage = true });

            // The circuit is alive: the agent can close the message and go on.
            await agent.ClickAsync("[data-testid=action-dismiss]");
            await Expect(message).ToHaveCountAsync(0);
            await Expect(agent.Locator("[data-testid=action-AddNote]")).ToBeEnabledAsync();
            await Expect(agent.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }
        catch
        {
            await agent.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("action-conflict-failure.png"), FullPage = true });
            throw;
        }
    }
}
