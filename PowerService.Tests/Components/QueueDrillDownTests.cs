using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Reports;
using PowerService.Tests.Support;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Reports;
using PowerService.Web.Features.Shared;

namespace PowerService.Tests.Components;

/// <summary>The 工作台 opened from a report's number: a banner of its conditions, each one closable, and a bad link said plainly.</summary>
public sealed class QueueDrillDownTests : ComponentTestBase
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);

    /// <summary>Three complaints with 李强 (城区供电所), two with 周杰 (运维检修部), all open.</summary>
    private async Task<StaffUser> SeedAsync()
    {
        var agent = await Db.StaffAsync("agent");
        var handler = await Db.StaffAsync("handler");
        var handler3 = await Db.StaffAsync("handler3");
        for (var i = 0; i < 3; i++) await Scenarios.DispatchedAsync(Db.Complaints, agent, handler);
        for (var i = 0; i < 2; i++) await Scenarios.DispatchedAsync(Db.Complaints, agent, handler3);
        return handler;
    }

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private static string Text(IRenderedComponent<QueuePage> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task The_banner_names_each_condition_and_the_list_holds_as_many_as_the_report_counted()
    {
        var handler = await SeedAsync();
        await SignInAsAsync("manager");
        Nav.NavigateTo(new ReportFilter(November, Db.Time.GetUtcNow()) { Department = "城区供电所", HandlerId = handler.Actor.UserId, Fact = KpiFact.Open }.QueueUrl);

        var cut = RenderWithProviders<QueuePage>();

        cut.WaitForAssertion(() => Assert.Equal("1-3 / 共 3 件", Text(cut, "queue-range")));
        Assert.Equal("2026年11月", Text(cut, "drill-chip-period"));
        Assert.Equal("城区供电所", Text(cut, "drill-chip-dept"));
        Assert.Equal("李强", Text(cut, "drill-chip-handler"));
        Assert.Equal("在办", Text(cut, "drill-chip-fact"));
        Assert.Equal("— 共 3 件（统计时刻 2026-11-23 09:30）", Text(cut, "drill-total"));
        Assert.Equal("/reports?period=2026-11&dept=%E5%9F%8E%E5%8C%BA%E4%BE%9B%E7%94%B5%E6%89%80", cut.Find("[data-testid=drill-back]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=drill-chip-period] .mud-chip-close-button")); // the period is what makes it a report's list
    }

    [Fact]
    public async Task Closing_a_chip_drops_its_condition_from_the_address_and_the_list_widens()
    {
        var handler = await SeedAsync();
        await SignInAsAsync("manager");
        Nav.NavigateTo(new ReportFilter(November, Db.Time.GetUtcNow()) { Department = "城区供电所", HandlerId = handler.Actor.UserId, Fact = KpiFact.Open }.QueueUrl);
        var cut = RenderWithProviders<QueuePage>();
        cut.WaitForAssertion(() => Assert.Equal("1-3 / 共 3 件", Text(cut, "queue-range")));

        cut.Find("[data-testid=drill-chip-handler] .mud-chip-close-button").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=drill-chip-handler]")));
        Assert.DoesNotContain("handler=", Nav.Uri);
        Assert.Contains("dept=", Nav.Uri);

        cut.Find("[data-testid=drill-chip-dept] .mud-chip-close-button").Click();
        cut.WaitForAssertion(() => Assert.Equal("1-5 / 共 5 件", Text(cut, "queue-range")));
        Assert.DoesNotContain("dept=", Nav.Uri);
        Assert.Contains("fact=Open", Nav.Uri);
        Assert.Contains("共 5 件", Text(cut, "drill-total"));

        Nav.NavigateTo("/"); // 清除
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=drill-banner]")));
    }

    [Theory]
    [InlineData("/?period=2026-13&asof=1795000000000", "「报表期间」的值“2026-13”无效")]
    [InlineData("/?period=2026-11&asof=1795000000000&fact=Late", "「指标」的值“Late”无效")]
    [InlineData("/?period=2026-11&asof=99999999999999999", "「统计时刻」的值“99999999999999999”无效")]
    [InlineData("/?period=2026-11&dept=城区供电所", "缺少「统计时刻」")]
    public async Task A_link_that_cannot_be_read_says_why_and_lists_nothing(string address, string message)
    {
        await SeedAsync();
        await SignInAsAsync("manager");
        Nav.NavigateTo(address);

        var cut = RenderWithProviders<QueuePage>();

        cut.WaitForAssertion(() => Assert.Contains(message, Text(cut, "drill-error")));
        Assert.Contains("未列出任何投诉", Text(cut, "drill-error"));
        Assert.Equal("共 0 件", Text(cut, "queue-range"));
    }

    [Fact]
    public async Task A_department_manager_following_a_link_to_another_department_is_told_what_is_left_out()
    {
        await SeedAsync();
        await SignInAsAsync("manager2");
        Nav.NavigateTo(new ReportFilter(November, Db.Time.GetUtcNow()) { Department = "城区供电所" }.QueueUrl);

        var cut = RenderWithProviders<QueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("不在您的查看范围内", Text(cut, "drill-scope-note")));
        Assert.Equal("共 0 件", Text(cut, "queue-range"));
    }
}
