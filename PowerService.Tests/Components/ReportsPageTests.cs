using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Tests.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.Reports;

namespace PowerService.Tests.Components;

/// <summary>The 报表 page: each tab renders the service's numbers, every number a link to its list, and the scope follows the manager.</summary>
public sealed class ReportsPageTests : ComponentTestBase
{
    protected override void AddServices()
    {
        Services.AddSingleton(Db.Services.GetRequiredService<MeasureBackfill>());
        Services.AddScoped<ReportService>();
        Services.AddScoped<ReportFiles>();
        Services.AddSingleton(Db.Services.GetRequiredService<ExportJobs>());
        Services.AddSingleton(Db.Services.GetRequiredService<PowerService.Web.Features.Documents.DocumentRenderer>());
    }

    private async Task SeedAsync()
    {
        var agent = await Db.StaffAsync("agent");
        var handler = await Db.StaffAsync("handler");
        await Scenarios.DispatchedAsync(Db.Complaints, agent, handler);
        await Scenarios.Regulator12398AtImproveAsync(Db.Complaints, Db.Time, agent, handler);
    }

    [Fact]
    public async Task Every_tab_renders_and_its_numbers_open_the_queue_with_the_filter_behind_them()
    {
        await SeedAsync();
        await SignInAsAsync("manager");
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/reports?period=2026-11");
        var cut = RenderWithProviders<ReportsPage>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=total-received]").TextContent));
        Assert.StartsWith("/?period=2026-11&asof=", cut.Find("[data-testid=total-received]").GetAttribute("href"));
        Assert.Contains("fact=Judged", cut.Find("[data-testid=kpi-Timeliness-denominator]").GetAttribute("href"));
        Assert.Equal(5, cut.FindAll("[data-testid=scorecard-departments] tbody tr").Count);

        foreach (var (tab, table) in new[] { ("分类统计", "breakdown-table"), ("趋势", "trend-volume-table"), ("12398 统计", "nea-by-category") })
        {
            cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == tab).Click();
            cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-testid={table}] tbody tr")));
        }
        Assert.Contains(cut.FindAll("[data-testid=nea-by-category] tbody tr"), r => r.TextContent.Contains("投诉") && r.QuerySelector("a")!.TextContent == "1");
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "抽样回访").Click();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=sampling-by-level] tbody tr").Count)); // three levels and the total
    }

    [Fact]
    public async Task A_department_manager_sees_their_department_without_a_choice_of_scope()
    {
        await SeedAsync();
        await SignInAsAsync("manager2");
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/reports?period=2026-11");
        var cut = RenderWithProviders<ReportsPage>();

        cut.WaitForAssertion(() => Assert.Contains("运维检修部", cut.Find("[data-testid=scorecard-basis]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=report-department]"));
        Assert.Empty(cut.FindAll("[data-testid=scorecard-departments]"));
    }
}
