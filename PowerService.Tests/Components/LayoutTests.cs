using Bunit;
using Microsoft.AspNetCore.Components;
using PowerService.Web.Components.Layout;
using PowerService.Web.Features.Complaints;

namespace PowerService.Tests.Components;

/// <summary>The app bar and the queue's header say only what applies to the signed-in role.</summary>
public sealed class LayoutTests : ComponentTestBase
{
    [Theory]
    [InlineData("admin", "系统管理员 · 信息中心")]
    [InlineData("handler", "李强 · 处理员 · 城区供电所")]
    [InlineData("manager", "赵敏 · 管理人员 · 客户服务中心")]
    public async Task The_app_bar_names_the_person_their_role_and_department_once_each(string userName, string expected)
    {
        await SignInAsAsync(userName);

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "页面"))));

        cut.WaitForAssertion(() => Assert.Equal(expected, cut.Find("[data-testid=signed-in-user]").TextContent.Trim()));
    }

    [Fact]
    public async Task An_admin_holds_no_complaints_so_the_queue_offers_no_mine_or_department_view()
    {
        await SignInAsAsync("admin");

        var cut = RenderWithProviders<QueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("queue-table", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=queue-scope]"));
        Assert.DoesNotContain("我的投诉", cut.Markup);
        Assert.DoesNotContain("本部门", cut.Markup);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("handler")]
    [InlineData("manager")]
    public async Task Those_who_work_on_complaints_choose_between_mine_my_department_and_all(string userName)
    {
        await SignInAsAsync(userName);

        var cut = RenderWithProviders<QueuePage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=queue-scope]")));
        var scope = cut.Find("[data-testid=queue-scope]").TextContent;
        Assert.Contains("我的投诉", scope);
        Assert.Contains("本部门", scope);
        Assert.Contains("全部", scope);
    }

    [Fact]
    public async Task The_queue_names_its_time_column_as_the_complaint_page_does()
    {
        await SignInAsAsync("agent");

        var cut = RenderWithProviders<QueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("登记时间", cut.Find("[data-testid=queue-table] thead").TextContent));
        Assert.DoesNotContain("受理时间", cut.Markup);
    }
}
