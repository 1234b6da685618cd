using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Complaints;
using PowerService.Web.Features.Api;
using static Microsoft.Playwright.Assertions;

namespace PowerService.Tests.EndToEnd.Api;

/// <summary>
/// An admin sets up an upstream system end to end: creates its API client on 接口客户端, hands over the
/// key shown once, sees the system's first call in the call log, and reads the API reference.
/// </summary>
public sealed class ApiClientsPageTests : IAsyncLifetime
{
    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(ApiHost.Now);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_admin_creates_a_client_whose_key_then_registers_a_work_order_seen_in_the_call_log()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await _app.SignInAsync("admin");
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") blocked.Add(message.Text); };
        try
        {
            await page.GotoAsync($"{_app.BaseUrl}/admin/api-clients");
            await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
            await page.ClickAsync("[data-testid=client-save]");
            await Expect(page.Locator("[data-testid=client-form]")).ToContainTextAsync("请填写客户端名称");
            await Expect(page.Locator("[data-testid=client-form]")).ToContainTextAsync("请至少选择一个渠道");

            await page.EnterAsync("client-name", "12398 转办平台");
            await page.Locator("[data-testid=client-channels]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "12398能源监管热线" }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await page.ChooseAsync("client-department", "客户服务中心");
            await page.ClickAsync("[data-testid=client-save]");

            var key = await page.Locator("input[data-testid=issued-key-value]").InputValueAsync();
            Assert.StartsWith("psk_", key);
            await Expect(page.Locator("[data-testid=client-row]")).ToContainTextAsync("12398能源监管热线");
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("api-clients.png"), FullPage = true });

            using var upstream = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
            upstream.DefaultRequestHeaders.Add("X-Api-Key", key);
            var created = await upstream.PostAsJsonAsync("/api/v1/workorders", ApiHost.Order("JB-2026-009001"), ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var number = (await ApiHost.JsonAsync(created)).GetProperty("number").GetString()!;

            await page.GetByRole(AriaRole.Tab, new() { Name = "调用日志" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
            var call = page.Locator("[data-testid=call-row]").First;
            await Expect(call).ToContainTextAsync("201 已登记");
            await Expect(call).ToContainTextAsync(number);
            await Expect(call).ToContainTextAsync("JB-2026-009001");
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("api-calls.png"), FullPage = true });

            await page.GotoAsync($"{_app.BaseUrl}/admin/api-reference");
            await Expect(page.GetByText("提交外部工单").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("api-reference.png") });
            Assert.DoesNotContain(blocked, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("api-clients-failure.png"), FullPage = true });
            throw;
        }
    }

    [Fact]
    public async Task An_auditor_reads_every_call_filters_the_refused_ones_and_pages_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, key) = await CreateClientAsync("12345 政务热线平台");
        using var upstream = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        upstream.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await upstream.PostAsJsonAsync("/api/v1/workorders", ApiHost.Order("JB-2026-009101"), ct)).StatusCode);
        for (var i = 0; i < 55; i++) Assert.Equal(HttpStatusCode.OK, (await upstream.GetAsync("/api/v1/workorders/by-reference/JB-2026-009101", ct)).StatusCode);
        using var stranger = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        stranger.DefaultRequestHeaders.Add("X-Api-Key", "psk_notakey_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/workorders/by-reference/JB-2026-009101", ct)).StatusCode);

        var page = await _app.SignInAsync("auditor");
        try
        {
            await page.OpenMenuItemAsync("nav-audit", "接口调用记录", $"{_app.BaseUrl}/privacy/api-calls");
            await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
            var rows = page.Locator("[data-testid=call-row]");
            await Expect(rows).ToHaveCountAsync(50); // newest first, a page at a time
            await Expect(rows.First).ToContainTextAsync("401 密钥无效");
            await page.ClickAsync("[data-testid=calls-more]");
            await Expect(rows).ToHaveCountAsync(57);
            await Expect(rows.Last).ToContainTextAsync("201 已登记");
            await Expect(page.Locator("[data-testid=calls-more]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("api-calls-auditor.png"), FullPage = true });

            await page.Locator("[data-testid=calls-refused-only]").ClickAsync();
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First).ToContainTextAsync("401 密钥无效");
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = AppHost.ScreenshotPath("api-calls-auditor-failure.png"), FullPage = true });
            throw;
        }
    }

    private async Task<(int Id, string Key)> CreateClientAsync(string name)
    {
        using var scope = _app.Services.CreateScope();
        var (result, key) = await scope.ServiceProvider.GetRequiredService<ApiClientAdmin>().CreateAsync(
            new ApiClientForm(name, [Channel.Regulator12398], [.. ApiScopes.All], "客户服务中心", 6000), await _app.StaffAsync("admin"));
        Assert.True(result.Succeeded, string.Join("；", result.Reasons));
        return (key!.ClientId, key.Key);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_for_admins_only()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        Assert.Contains("/account/login", (await anonymous.GetAsync("/openapi/v1.json", ct)).Headers.Location?.ToString());

        var page = await _app.SignInAsync("admin");
        var response = await page.APIRequest.GetAsync($"{_app.BaseUrl}/openapi/v1.json");
        Assert.Equal(200, response.Status);
        var document = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal("PowerService 工单接口", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        Assert.Equal(["/api/v1/workorders", "/api/v1/workorders/by-reference/{reference}", "/api/v1/workorders/{number}"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var submit = paths.GetProperty("/api/v1/workorders").GetProperty("post");
        Assert.Equal("提交外部工单", submit.GetProperty("summary").GetString());
        Assert.True(submit.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Contains("上级工单编号", document.GetProperty("components").GetProperty("schemas").GetProperty("WorkOrderRequest").GetProperty("properties").GetProperty("upstreamReference").GetProperty("description").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }
}
