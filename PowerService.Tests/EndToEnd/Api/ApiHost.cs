using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PowerService.Domain.Complaints;
using PowerService.Web.Features.Api;

namespace PowerService.Tests.EndToEnd.Api;

/// <summary>
/// The real app on a loopback port (its own SQLite file, the demo accounts, a clock the test holds),
/// called over HTTP as an upstream system calls it. One per test class: each test makes its own API
/// clients and upstream references, so tests do not see each other's calls.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    /// <summary>A sub-millisecond instant, as the clock of a real machine is.</summary>
    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 7, 2, 15, 0, TimeSpan.Zero).AddTicks(3_141_592);

    private string _folder = null!;
    private PowerServiceFactory _factory = null!;

    public FakeTimeProvider Time { get; } = new(Now);
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory.Services;

    public async ValueTask InitializeAsync()
    {
        (_factory, _folder) = await AppHost.StartServerAsync(Time);
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    /// <summary>An API client made as an admin makes it on the page, and its key.</summary>
    public async Task<(int Id, string Key)> CreateClientAsync(string name, Channel[]? channels = null, string[]? scopes = null, int perMinute = 6000)
    {
        using var scope = Services.CreateScope();
        var admin = await StaffAsync("admin");
        var (result, key) = await scope.ServiceProvider.GetRequiredService<ApiClientAdmin>().CreateAsync(
            new ApiClientForm(name, channels ?? [Channel.Regulator12398], scopes ?? [.. ApiScopes.All], "客户服务中心", perMinute), admin);
        Assert.True(result.Succeeded, string.Join("；", result.Reasons));
        return (key!.ClientId, key.Key);
    }

    public Task<PowerService.Web.Features.Shared.StaffUser> StaffAsync(string userName) => AppHost.StaffAsync(Services, userName);

    /// <summary>An HTTP client that sends <paramref name="key"/> as a bearer token (none when null).</summary>
    public HttpClient Caller(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// <summary>A complete work order as the 12398 platform sends it, coded values in Chinese.</summary>
    public static Dictionary<string, object?> Order(string reference) => new()
    {
        ["channel"] = "12398",
        ["upstreamReference"] = reference,
        ["receivedAt"] = Now.AddMinutes(-20).ToOffset(TimeSpan.FromHours(8)).ToString("O"),
        ["customerName"] = "张建国",
        ["phone"] = "138 1234 8000",
        ["accountNumber"] = "3300123456",
        ["address"] = "杭州市西湖区文三路 100 号 2 单元 301 室",
        ["customerType"] = "居民",
        ["category"] = "停电/供电质量",
        ["subCategory"] = "计划停电未通知",
        ["urgency"] = "一般",
        ["content"] = "11月20日全天停电，事先没有收到任何停电通知，家中冰箱食物变质。",
        ["demands"] = "说明停电原因，赔偿损失",
        ["expectedOutcome"] = "书面道歉并减免电费",
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));

    /// <summary>The call log as written (the journal is flushed first).</summary>
    public async Task<List<PowerService.Web.Data.ApiCallRecord>> CallsAsync(int? clientId)
    {
        using var scope = Services.CreateScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ApiClientAdmin>().CallsAsync(clientId, 1000)).Reverse()];
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
