using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Tests.Domain.Complaints;
using PowerService.Web.Features.Complaints;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd;

/// <summary>What only a browser shows: nothing clipped or covered, and each role's header and pages as they look.</summary>
public sealed class RoughEdgeTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ComplaintBuilder.Start);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_bell_badge_sits_wholly_inside_the_app_bar()
    {
        await RegisterAsync();
        var page = await _app.SignInAsync("agent");
        _app.Time.Advance(TimeSpan.FromHours(3)); // warnings and a breach: the bell gets a count
        var badge = page.Locator("[data-testid=notification-badge] .mud-badge");
        await Expect(badge).ToHaveTextAsync("3", new() { Timeout = 15_000 });

        var bar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        var box = (await badge.BoundingBoxAsync())!;
        await page.Locator(".mud-appbar").ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("header-agent-bell.png") });
        Assert.True(box.Y >= bar.Y && box.Y + box.Height <= bar.Y + bar.Height,
            $"badge spans y {box.Y}–{box.Y + box.Height}, the app bar {bar.Y}–{bar.Y + bar.Height}");
        Assert.True(box.X >= bar.X && box.X + box.Width <= bar.X + bar.Width);
        Assert.True(box.Height >= 12, $"badge is {box.Height}px high");
    }

    [Fact]
    public async Task No_queue_filter_runs_its_label_or_value_under_its_buttons()
    {
        var page = await _app.SignInAsync("handler");
        await Expect(page.Locator("[data-testid=queue-scope]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=queue-scope] [disabled], [data-testid=queue-scope] .mud-disabled') === null");
        var filters = page.Locator("[data-testid=queue-filters] .mud-input-control.mud-select");
        Assert.Equal(7, await filters.CountAsync());

        // Empty, a select shows its label inside the box, where the dropdown arrow is.
        for (var i = 0; i < 7; i++)
        {
            var label = filters.Nth(i).Locator("label");
            var (text, box) = (await label.InnerTextAsync(), (await label.BoundingBoxAsync())!);
            var arrow = (await filters.Nth(i).Locator(".mud-input-adornment-end >> visible=true").First.BoundingBoxAsync())!;
            Assert.True(await label.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), $"label {text} is cut off");
            Assert.True(box.X + box.Width <= arrow.X, $"label {text} ends at {box.X + box.Width}, the arrow starts at {arrow.X}");
        }
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("queue-filters-empty.png") });

        // Chosen, each shows its longest choice before its clear button and arrow (超时时钟 opens once 受理期间 is chosen, just before it).
        for (var i = 0; i < 7; i++)
        {
            var select = filters.Nth(i);
            var text = await select.Locator("label").InnerTextAsync();
            var longest = ChoicesOf(text).MaxBy(c => c.Length)!;
            await select.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(longest)}\\s*$") }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await Expect(select).ToContainTextAsync(longest);

            var valueEnd = await select.EvaluateAsync<double>(
                """
                e => {
                  const slot = [...e.querySelectorAll('.mud-input-slot')].find(x => x.offsetParent !== null && x.textContent.trim() !== '');
                  if (slot.scrollWidth > slot.clientWidth) return Infinity; // cut off with an ellipsis
                  const range = document.createRange(); range.selectNodeContents(slot);
                  return range.getBoundingClientRect().right;
                }
                """);
            var buttons = (await select.Locator(".mud-input-adornment-end >> visible=true").First.BoundingBoxAsync())!;
            Assert.True(valueEnd <= buttons.X, $"{text}: “{longest}” ends at {valueEnd}, the buttons start at {buttons.X}");
        }
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("queue-filters-chosen.png") });
    }

    private string[] ChoicesOf(string label) => label switch
    {
        "受理期间" => QueueDrillDown.RecentMonths(_app.Time.GetUtcNow()).Select(p => p.Label).ToArray(),
        "超时时钟" => Enum.GetValues<PowerService.Domain.Sla.ClockKind>().Select(k => PowerService.Domain.Labels.Of(k) + "超时").ToArray(),
        "阶段" => Enum.GetValues<Stage>().Select(PowerService.Domain.Labels.Of).ToArray(),
        "类别" => Enum.GetValues<Category>().Select(PowerService.Domain.Labels.Of).ToArray(),
        "渠道" => Enum.GetValues<Channel>().Select(PowerService.Domain.Labels.Of).ToArray(),
        "紧急程度" => Enum.GetValues<Urgency>().Select(PowerService.Domain.Labels.Of).ToArray(),
        "部门" => PowerService.Web.Data.DemoData.Accounts.Select(a => a.Department).Distinct().ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    [Fact]
    public async Task An_admin_sees_the_header_without_repeats_and_the_policy_sources_in_words()
    {
        var page = await _app.SignInAsync("admin");
        await page.GotoAsync($"{_app.BaseUrl}/");
        await Expect(page.Locator("[data-testid=queue-table]")).ToBeVisibleAsync();

        await Expect(page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync("系统管理员 · 信息中心");
        await Expect(page.Locator("[data-testid=queue-scope]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("queue-admin.png") });

        await page.GotoAsync($"{_app.BaseUrl}/admin/sla");
        var rules = page.Locator("[data-testid=sla-rules]");
        await Expect(rules).ToContainTextAsync("国家电网95598服务规范");
        await Expect(rules).ToContainTextAsync("12398能源监管热线投诉处理办法");
        await Expect(rules).ToContainTextAsync("公司投诉处理办法");
        await Expect(rules).Not.ToContainTextAsync("§");
        await Expect(rules).Not.ToContainTextAsync("[reg]");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("sla-policy.png"), FullPage = true });
    }

    [Fact]
    public async Task A_12398_intake_marks_the_upstream_reference_required()
    {
        var page = await _app.SignInAsync("agent");
        await page.GotoAsync($"{_app.BaseUrl}/complaints/new");
        await Expect(page.Locator("[data-testid=intake-submit]")).ToBeEnabledAsync();
        var label = page.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=UpstreamReference]") }).Locator("label");
        await Expect(label).ToHaveTextAsync("上级工单编号");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("intake-no-channel.png") });

        await page.ChooseAsync("Channel", "12398能源监管热线");

        await Expect(label).ToHaveTextAsync("上级工单编号 *");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("intake-12398.png") });
    }

    [Fact]
    public async Task The_reconnect_dialog_speaks_chinese_in_every_state()
    {
        // The page's circuit socket runs through Playwright, which can cut it and refuse new ones.
        var page = await _app.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        var refuse = false;
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/_blazor"), ws =>
        {
            if (refuse) { _ = ws.CloseAsync(new() { Code = 1011, Reason = "test: server unreachable" }); return; }
            ws.ConnectToServer();
            circuit = ws;
        });
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/_blazor"), route => refuse ? route.AbortAsync() : route.ContinueAsync());
        await _app.SignInAsync("agent", page);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=queue-scope] [disabled], [data-testid=queue-scope] .mud-disabled') === null");
        Assert.NotNull(circuit);

        refuse = true;
        await circuit.CloseAsync(new() { Code = 1011, Reason = "test: connection lost" });

        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(dialog).ToContainTextAsync("重新连接中");
        const string settled = "() => document.getElementById('components-reconnect-modal').getAnimations().every(a => a.playState === 'finished')";
        await page.WaitForFunctionAsync(settled);
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reconnect-first-attempt.png") });
        await Expect(dialog.Locator(".components-reconnect-repeated-attempt-visible")).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await Expect(dialog).ToContainTextAsync("秒后再次尝试");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("reconnect-retrying.png") });

        // Every state's text and button, shown or not: Chinese, no English left.
        var texts = await dialog.Locator("p, button").EvaluateAllAsync<string[]>("es => es.map(e => e.textContent.trim())");
        Assert.Equal(8, texts.Length);
        Assert.All(texts, t =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", t);
            Assert.DoesNotMatch("[A-Za-z]", t);
        });
        Assert.Contains("重试", texts);
        Assert.Contains("重新加载", texts);

        Assert.Equal(1, await dialog.Locator("p:visible").CountAsync()); // the retry line replaces the first line

        // The states Blazor reaches only after minutes of retries, or on a server's pause, shown on the sign-in
        // page (no circuit there to change them back) by the classes Blazor sets for them.
        var still = await _app.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        await still.GotoAsync($"{_app.BaseUrl}/account/login");
        var modal = still.Locator("#components-reconnect-modal");
        foreach (var (state, shown) in new[]
                 {
                     ("failed", "连接已断开，无法重新连接。请点击“重试”，或重新加载页面。重试重新加载"),
                     ("paused", "服务器已暂停本次会话。继续会话"),
                     ("resume-failed", "无法恢复会话。请点击“继续会话”再试一次，或重新加载页面。继续会话重新加载"),
                 })
        {
            await modal.EvaluateAsync("(d, state) => { d.className = 'components-reconnect-' + state; if (!d.open) d.showModal(); }", state);
            await still.WaitForFunctionAsync(settled);
            Assert.Equal(shown, System.Text.RegularExpressions.Regex.Replace(await modal.InnerTextAsync(), @"\s", ""));
            await still.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath($"reconnect-{state}.png") });
        }
    }

    [Fact]
    public async Task The_queue_and_the_complaint_page_give_each_time_its_one_name()
    {
        var number = await RegisterAsync();
        var page = await _app.SignInAsync("agent");
        await Expect(page.Locator("[data-testid=queue-table] thead")).ToContainTextAsync("登记时间");
        await Expect(page.Locator("[data-testid=queue-table] thead")).Not.ToContainTextAsync("受理时间");
        await Expect(page.Locator("[data-testid=queue-table] tbody")).ToContainTextAsync("2026-11-23 09:30");

        await page.GotoAsync($"{_app.BaseUrl}/complaints/{number}");

        var details = page.Locator("[data-testid=complaint-details]");
        await Expect(details.Locator("tr", new() { Has = page.Locator("[data-testid=received-at]") })).ToHaveTextAsync("来电/来访时间2026-11-23 09:20");
        await Expect(details.Locator("tr", new() { Has = page.Locator("[data-testid=registered-at]") })).ToHaveTextAsync("登记时间2026-11-23 09:30");
        await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("complaint-times.png"), FullPage = true });
    }

    private async Task<string> RegisterAsync()
    {
        using var scope = _app.Services.CreateScope();
        var agent = await _app.StaffAsync("agent");
        var result = await scope.ServiceProvider.GetRequiredService<ComplaintService>().RegisterAsync(ComplaintBuilder.ValidIntake() with
        {
            Channel = Channel.ServiceHall, UpstreamReference = null, ReceivedAt = _app.Time.GetUtcNow().AddMinutes(-10),
        }, Guid.NewGuid(), agent);
        Assert.True(result.Succeeded);
        return result.Value!;
    }
}
