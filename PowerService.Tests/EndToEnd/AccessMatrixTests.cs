using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PowerService.Domain.Staff;

namespace PowerService.Tests.EndToEnd;

/// <summary>
/// Every route the app maps, visited anonymously and as each role, against one table of who may
/// open what. The routes come from the app's own endpoint table, so a page or endpoint added
/// without a line here fails this test until someone decides who may see it.
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Live = [nameof(StaffRole.IntakeAgent), nameof(StaffRole.Handler), nameof(StaffRole.Manager), nameof(StaffRole.Admin), nameof(StaffRole.Auditor)];
    private static readonly string[] Documents = [nameof(StaffRole.IntakeAgent), nameof(StaffRole.Handler), nameof(StaffRole.Manager)];
    private static readonly string[] Staff = [.. StaffRoles.People.Select(r => r.ToString())];
    private static readonly string[] Everyone = [Anonymous, .. Staff];

    /// <summary>Who may open each GET route (its pattern as mapped).</summary>
    private static readonly Dictionary<string, string[]> MayOpen = new()
    {
        ["/"] = Live,
        ["/complaints/new"] = [nameof(StaffRole.IntakeAgent), nameof(StaffRole.Handler), nameof(StaffRole.Manager)],
        ["/complaints/{Number}"] = Live,
        ["/complaints/{Number}/documents"] = Documents,
        ["/complaints/{Number}/documents/{KindName}"] = Documents,
        ["/documents/{id:long}"] = Documents,
        ["/complaints/{Number}/evidence/{Sequence:int}"] = Documents,
        ["/loop"] = Staff,
        ["/cases"] = Staff,
        ["/drills"] = Staff,
        ["/drills/cards/{Id:int}"] = Staff,
        ["/drills/quizzes/{Id:int}"] = Staff,
        ["/drills/manage"] = [nameof(StaffRole.Trainer)],
        ["/cases/{Id:int}"] = Staff,
        ["/cases/{id:int}/pdf"] = Staff,
        ["/admin/calendar"] = [nameof(StaffRole.Admin)],
        ["/admin/sla"] = [nameof(StaffRole.Admin)],
        ["/admin/kpi"] = [nameof(StaffRole.Admin)],
        ["/admin/wording"] = [nameof(StaffRole.Admin)],
        ["/admin/intake-rules"] = [nameof(StaffRole.Admin)],
        ["/admin/api-clients"] = [nameof(StaffRole.Admin)],
        ["/openapi/{documentName}.json"] = [nameof(StaffRole.Admin)],
        ["/admin/api-reference/{documentName?}"] = [nameof(StaffRole.Admin)],
        ["/admin/integrity"] = [nameof(StaffRole.Admin), nameof(StaffRole.Auditor)],
        ["/privacy/access-log"] = [nameof(StaffRole.Auditor)],
        ["/privacy/exports"] = [nameof(StaffRole.Auditor), nameof(StaffRole.Admin)],
        ["/privacy/api-calls"] = [nameof(StaffRole.Auditor), nameof(StaffRole.Admin)],
        ["/reports"] = [nameof(StaffRole.Manager)],
        ["/sampling"] = [nameof(StaffRole.Manager), nameof(StaffRole.Admin)],
        ["/reports/exports/{id:guid}"] = [nameof(StaffRole.Manager)],
        ["/reports/archive/{id:long}"] = [nameof(StaffRole.Manager)],
        ["/admin/retention"] = [nameof(StaffRole.Admin)],
        ["/workorders/import"] = [nameof(StaffRole.IntakeAgent), nameof(StaffRole.Manager), nameof(StaffRole.Admin)],
        ["/workorders/import/{id:guid}/rejected"] = [nameof(StaffRole.IntakeAgent), nameof(StaffRole.Manager)],
        ["/admin/users"] = [nameof(StaffRole.Admin)],
        ["/account/password"] = Staff,
        ["/account/login"] = Everyone,
        ["/account/denied"] = Staff,
        ["/Error"] = Everyone,
        ["/not-found"] = Everyone,
    };

    /// <summary>Routes that take no GET, with what guards them (checked by their own tests).</summary>
    private static readonly Dictionary<string, string> NotVisited = new()
    {
        ["POST /account/logout"] = "signed in, antiforgery token (SessionTests)",
        // The API takes no sign-in cookie, only a key with a scope (WorkOrderApiTests): a staff cookie is refused 401.
        ["POST /api/v1/workorders"] = "API key with workorders:write (WorkOrderApiTests)",
        ["GET /api/v1/workorders/{number}"] = "API key with workorders:read (WorkOrderApiTests)",
        ["GET /api/v1/workorders/by-reference/{reference}"] = "API key with workorders:read (WorkOrderApiTests)",
        ["GET /api/v1/{**rest}"] = "anyone: a 404 problem for a path the API does not have (WorkOrderApiTests)",
    };

    private static readonly Dictionary<string, string> Samples = new() { ["{Number}"] = "TS202611230001", ["{id:long}"] = "1", ["{KindName}"] = "CaseFile", ["{id:guid}"] = "6f9619ff-8b86-d011-b42d-00cf4fc964ff", ["{Id:int}"] = "1", ["{id:int}"] = "1", ["{Sequence:int}"] = "1", ["{documentName}"] = "v1", ["{documentName?}"] = "v1" };

    private AppHost _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppHost.StartAsync(DateTimeOffset.UtcNow);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The app's own routes: pages and endpoints, without static files and the framework's.</summary>
    private List<(string Method, string Pattern)> MappedRoutes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // A page answers GET and its forms' POST under one rule: it is visited as GET.
            .Select(e => (Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
                    ? ["GET"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"],
                Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(e => !e.Pattern.StartsWith("/_") && !e.Pattern.Contains(":file}") && !Path.HasExtension(e.Pattern.Split('/')[^1].Split('{')[0]))
            .SelectMany(e => e.Methods.Select(m => (m, e.Pattern)))
            .Distinct().OrderBy(e => e.Pattern).ToList();

    [Fact]
    public void Every_mapped_route_has_a_rule()
    {
        var unruled = MappedRoutes()
            .Where(r => !(r.Method == "GET" && MayOpen.ContainsKey(r.Pattern)) && !NotVisited.ContainsKey($"{r.Method} {r.Pattern}"))
            .Select(r => $"{r.Method} {r.Pattern}").ToList();

        Assert.True(unruled.Count == 0, "Routes without an access rule in AccessMatrixTests: " + string.Join(", ", unruled));
        Assert.Empty(MayOpen.Keys.Except(MappedRoutes().Where(r => r.Method == "GET").Select(r => r.Pattern))); // no stale rules
    }

    [Fact]
    public async Task Each_route_opens_for_exactly_the_roles_its_rule_names()
    {
        var wrong = new List<string>();
        foreach (var who in Everyone)
        {
            using var client = await ClientForAsync(who);
            foreach (var (pattern, allowed) in MayOpen)
            {
                var path = Samples.Aggregate(pattern, (p, s) => p.Replace(s.Key, s.Value));
                var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                var location = response.Headers.Location?.ToString() ?? "";
                var opened = !(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && (location.Contains("/account/login") || location.Contains("/account/denied")))
                             && response.StatusCode != HttpStatusCode.Forbidden;
                if (opened != allowed.Contains(who)) wrong.Add($"{who} {path}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(wrong.Count == 0, "Access differs from the rules: " + string.Join("; ", wrong));
    }

    private async Task<HttpClient> ClientForAsync(string who)
    {
        var jar = new CookieContainer();
        if (who != Anonymous)
        {
            var userName = PowerService.Web.Data.DemoData.Accounts.First(a => a.Role.ToString() == who).UserName;
            var page = await _app.SignInAsync(userName);
            foreach (var c in await page.Context.CookiesAsync()) jar.Add(new Uri(_app.BaseUrl), new System.Net.Cookie(c.Name, c.Value, c.Path));
            await page.Context.CloseAsync();
        }
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = new Uri(_app.BaseUrl) };
    }
}
