using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;
using PowerService.Web.Features.Api;

namespace PowerService.Tests.EndToEnd.Api;

/// <summary>
/// Upstream systems send work orders and read their status over HTTP: keys, scopes, channels,
/// idempotency, field messages, rate limits and the call log, through the real app.
/// </summary>
public sealed class WorkOrderApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Submit = "/api/v1/workorders";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_work_order_is_registered_once_and_a_resent_one_answers_with_the_same_number()
    {
        var (id, key) = await host.CreateClientAsync("12398 转办平台 A");
        using var api = host.Caller(key);

        var first = await api.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000101"), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await ApiHost.JsonAsync(first);
        var number = created.GetProperty("number").GetString()!;
        Assert.Equal($"/api/v1/workorders/{number}", first.Headers.Location?.OriginalString);
        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal("Regulator12398", created.GetProperty("channel").GetString());

        var again = await api.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000101"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await ApiHost.JsonAsync(again);
        Assert.Equal(number, repeated.GetProperty("number").GetString());
        Assert.False(repeated.GetProperty("created").GetBoolean());

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var complaint = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.UpstreamReference == "JB-2026-000101", Ct);
        Assert.Equal((number, Channel.Regulator12398, "13812348000", Category.Supply), (complaint.Number, complaint.Channel, complaint.Customer.Phone, complaint.Category));
        Assert.Equal("接口：12398 转办平台 A", complaint.FirstResponder.DisplayName);
        Assert.Equal("接口：12398 转办平台 A", (await db.WorkOrderReceipts.SingleAsync(r => r.Number == number, Ct)).Via);

        var calls = await host.CallsAsync(id);
        Assert.Equal([(201, number), (200, number)], calls.Select(c => (c.Status, c.Number)));
        Assert.All(calls, c => Assert.Equal(("12398 转办平台 A", "JB-2026-000101", "POST", Submit), (c.Caller, c.UpstreamReference, c.Method, c.Path)));
    }

    [Fact]
    public async Task The_same_work_order_sent_eight_times_at_once_becomes_one_complaint()
    {
        var (_, key) = await host.CreateClientAsync("12398 转办平台 并发");
        using var api = host.Caller(key);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000777"), Ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var numbers = await Task.WhenAll(responses.Select(async r => (await ApiHost.JsonAsync(r)).GetProperty("number").GetString()));
        Assert.Single(numbers.Distinct());
        using var scope = host.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Complaints.CountAsync(c => c.UpstreamReference == "JB-2026-000777", Ct));
    }

    [Fact]
    public async Task A_bad_work_order_is_refused_with_each_fields_chinese_message_and_nothing_is_stored()
    {
        var (_, key) = await host.CreateClientAsync("12398 转办平台 B");
        using var api = host.Caller(key);
        var order = ApiHost.Order("JB-2026-000202");
        order["phone"] = "12345";
        order["category"] = "天气";
        order["customerName"] = null;
        order["receivedAt"] = ApiHost.Now.AddDays(-40).ToString("O");

        var response = await api.PostAsJsonAsync(Submit, order, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("工单内容有误，未登记", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("无法识别的投诉类别“天气”", errors.GetProperty("category")[0].GetString());
        Assert.Single(errors.EnumerateObject()); // values that cannot be read are reported before the intake rules run

        order["category"] = "停电/供电质量";
        var checkedByRules = await ApiHost.JsonAsync(await api.PostAsJsonAsync(Submit, order, Ct));
        var fields = checkedByRules.GetProperty("errors");
        Assert.Equal("请填写客户姓名", fields.GetProperty("customerName")[0].GetString());
        Assert.StartsWith("联系电话格式不正确", fields.GetProperty("phone")[0].GetString());
        Assert.Equal("来电/来访时间不能早于 30 天前", fields.GetProperty("receivedAt")[0].GetString());

        using var scope = host.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Complaints.AnyAsync(c => c.UpstreamReference == "JB-2026-000202", Ct));
    }

    [Fact]
    public async Task A_body_that_is_not_a_work_order_is_answered_in_chinese_at_its_field()
    {
        var (_, key) = await host.CreateClientAsync("12398 转办平台 C");
        using var api = host.Caller(key);

        var wrongTime = await api.PostAsync(Submit, new StringContent("""{"receivedAt":"昨天上午","phone":"13812348000"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTime.StatusCode);
        Assert.StartsWith("时间格式不正确", (await ApiHost.JsonAsync(wrongTime)).GetProperty("errors").GetProperty("receivedAt")[0].GetString());

        var number = await api.PostAsync(Submit, new StringContent("""{"phone":13812348000}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal("该字段应为文本（带引号的字符串）", (await ApiHost.JsonAsync(number)).GetProperty("errors").GetProperty("phone")[0].GetString());

        var broken = await api.PostAsync(Submit, new StringContent("""{"phone": "138""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("请求正文不是有效的 JSON", (await ApiHost.JsonAsync(broken)).GetProperty("title").GetString());

        var form = await api.PostAsync(Submit, new StringContent("phone=138", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("请以 Content-Type: application/json 提交工单。", (await ApiHost.JsonAsync(form)).GetProperty("detail").GetString());

        var huge = await api.PostAsync(Submit, new StringContent($$"""{"content":"{{new string('电', 70_000)}}"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("请求正文过大", (await ApiHost.JsonAsync(huge)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Calls_without_a_valid_key_are_refused_and_logged_with_what_was_presented()
    {
        var (id, key) = await host.CreateClientAsync("12398 转办平台 D");

        using var none = host.Caller(null);
        var anonymous = await none.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000303"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("缺少接口密钥", (await ApiHost.JsonAsync(anonymous)).GetProperty("detail").GetString());

        var forged = key[..^4] + "AAAA";
        using var wrong = host.Caller(forged);
        var refused = await wrong.GetAsync("/api/v1/workorders/by-reference/JB-2026-000303", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("接口密钥无效或已被吊销，请联系系统管理员重新签发。", (await ApiHost.JsonAsync(refused)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync("/api/v1/workorders/TS1", Ct)).StatusCode); // not the sign-in page

        var logged = await host.CallsAsync(null);
        Assert.Contains(logged, c => c is { ClientId: null, Caller: "未识别", Status: 401, Method: "POST" });
        Assert.Contains(logged, c => c.ClientId is null && c.Caller == key[..ApiKeys.PrefixLength] && c.Status == 401);
        Assert.DoesNotContain(logged, c => c.ClientId == id);
    }

    [Fact]
    public async Task A_client_does_only_what_its_scopes_and_channels_allow()
    {
        var (_, readOnlyKey) = await host.CreateClientAsync("12398 查询", scopes: [ApiScopes.ReadWorkOrders]);
        var (_, writeOnlyKey) = await host.CreateClientAsync("12398 只提交", scopes: [ApiScopes.WriteWorkOrders]);
        var (_, otherChannelKey) = await host.CreateClientAsync("12345 热线", channels: [Channel.Government12345]);

        using var reader = host.Caller(readOnlyKey);
        var forbidden = await reader.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000404"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("缺少相应权限范围", (await ApiHost.JsonAsync(forbidden)).GetProperty("detail").GetString());

        using var writer = host.Caller(writeOnlyKey);
        var created = await ApiHost.JsonAsync(await writer.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000404"), Ct));
        var number = created.GetProperty("number").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync($"{Submit}/{number}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{Submit}/{number}", Ct)).StatusCode);

        using var other = host.Caller(otherChannelKey);
        var wrongChannel = await other.PostAsJsonAsync(Submit, ApiHost.Order("JB-2026-000405"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongChannel.StatusCode);
        Assert.Equal("该接口客户端不能提交“12398能源监管热线”渠道的工单（已开通：12345政务热线）",
            (await ApiHost.JsonAsync(wrongChannel)).GetProperty("errors").GetProperty("channel")[0].GetString());
        var notItsOwn = await other.GetAsync($"{Submit}/{number}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notItsOwn.StatusCode);
        Assert.Equal("未找到工单", (await ApiHost.JsonAsync(notItsOwn)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_status_shows_the_stage_and_deadline_but_never_the_customer()
    {
        var (_, key) = await host.CreateClientAsync("12398 转办平台 E");
        using var api = host.Caller(key);
        var order = ApiHost.Order("JB-2026-000505");
        order["content"] = "停电三天没人管，我已经联系了电视台记者准备曝光，家里老人需要吸氧。";
        var number = (await ApiHost.JsonAsync(await api.PostAsJsonAsync(Submit, order, Ct))).GetProperty("number").GetString()!;

        foreach (var path in new[] { $"{Submit}/{number}", "/api/v1/workorders/by-reference/JB-2026-000505" })
        {
            var response = await api.GetAsync(path, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var personal in new[] { "张建国", "13812348000", "8000", "3300123456", "文三路", "记者", "吸氧" })
                Assert.DoesNotContain(personal, text);
            var status = await ApiHost.JsonAsync(response);
            Assert.Equal((number, "Intake", "受理登记", "Urgent"), (status.GetProperty("number").GetString(), status.GetProperty("stage").GetString(),
                status.GetProperty("stageName").GetString(), status.GetProperty("urgency").GetString())); // raised: public-opinion risk
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, status.GetProperty("nextDueAt").ValueKind);
            Assert.Equal("Intake", status.GetProperty("history")[0].GetProperty("stage").GetString());
            Assert.False(status.TryGetProperty("created", out _)); // said only when an order is submitted
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/workorders/by-reference/JB-NOT-THERE", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_rate_is_told_when_to_retry_and_other_clients_are_not_slowed()
    {
        var (id, key) = await host.CreateClientAsync("12398 限流", perMinute: 3);
        var (_, otherKey) = await host.CreateClientAsync("12398 不受影响");
        using var api = host.Caller(key);
        using var other = host.Caller(otherKey);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await api.GetAsync("/api/v1/workorders/by-reference/JB-RATE-1", Ct)).StatusCode);
        var limited = await api.GetAsync("/api/v1/workorders/by-reference/JB-RATE-1", Ct);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.StartsWith("已超过该接口客户端的调用频率上限", (await ApiHost.JsonAsync(limited)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/workorders/by-reference/JB-RATE-1", Ct)).StatusCode);
        Assert.Equal(2, (await host.CallsAsync(id)).Count(c => c.Status == 429));
    }

    [Fact]
    public async Task A_revoked_or_reissued_key_stops_working_at_once()
    {
        var (id, key) = await host.CreateClientAsync("12398 吊销");
        using var api = host.Caller(key);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/workorders/by-reference/JB-X-1", Ct)).StatusCode);

        var admin = await host.StaffAsync("admin");
        using var scope = host.Services.CreateScope();
        var clients = scope.ServiceProvider.GetRequiredService<ApiClientAdmin>();
        var (_, fresh) = await clients.ReissueKeyAsync(id, 1, admin, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/workorders/by-reference/JB-X-1", Ct)).StatusCode);
        using var renewed = host.Caller(fresh!.Key);
        Assert.Equal(HttpStatusCode.NotFound, (await renewed.GetAsync("/api/v1/workorders/by-reference/JB-X-1", Ct)).StatusCode);

        Assert.True((await clients.RevokeAsync(id, 2, admin, Ct)).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync("/api/v1/workorders/by-reference/JB-X-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_in_chinese_not_a_page()
    {
        var (_, key) = await host.CreateClientAsync("12398 路径");
        using var api = host.Caller(key);
        var response = await api.DeleteAsync($"{Submit}/anything/else", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("接口不存在", (await ApiHost.JsonAsync(response)).GetProperty("title").GetString());
    }
}
