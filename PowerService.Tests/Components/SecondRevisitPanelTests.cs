using Bunit;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Web.Features.Complaints.Actions;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Components;

/// <summary>The panel says when the second revisit becomes possible and offers it only from then, on the app's clock.</summary>
public sealed class SecondRevisitPanelTests : ComponentTestBase
{
    private static readonly DateTimeOffset ResolvedAt = DateTimeOffset.Parse("2026-11-23T02:03:04.5678901Z");

    [Fact]
    public async Task Before_seven_days_the_panel_says_when_and_offers_no_revisit_then_offers_it_when_the_time_comes()
    {
        var agent = await SignInAsAsync("agent");
        var handler = await Db.StaffAsync("handler");
        var number = await Db.RegisterAsync(agent);
        Db.Time.SetUtcNow(ResolvedAt);
        await ActAsync(number, agent, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx));
        await ActAsync(number, handler, (c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
        await ActAsync(number, handler, (c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ctx.At.AddDays(2)), ctx));
        Db.Time.Advance(TimeSpan.FromHours(20));
        await ActAsync(number, agent, (c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        var complaint = await Db.LoadAsync(number);
        var opens = complaint.SecondRevisitOpensAt!.Value; // as stored: the database keeps 0.1 ms (SQLite)

        var panel = RenderWithProviders<ActionPanel>(("Complaint", complaint), ("Staff", agent));

        Assert.Equal("二次回访须在 2026-11-30 10:03 之后进行（解决后满 7 天）", panel.Find("[data-testid=revisit-waits]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=action-Revisit]"));
        Assert.NotEmpty(panel.FindAll("[data-testid=action-AddNote]"));

        Db.Time.SetUtcNow(opens.AddTicks(-1));
        Assert.Empty(panel.FindAll("[data-testid=action-Revisit]"));

        Db.Time.Advance(TimeSpan.FromTicks(1));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=action-Revisit]")));
        Assert.Empty(panel.FindAll("[data-testid=revisit-waits]"));
        panel.Find("[data-testid=action-Revisit]").Click();
        Assert.Contains("本次为二次回访", panel.Find("[data-testid=revisit-round]").TextContent);
    }

    [Fact]
    public async Task Roles_that_do_not_revisit_are_not_told_when_it_opens()
    {
        var admin = new PowerService.Web.Features.Shared.StaffUser(new PowerService.Domain.Staff.Actor("u-admin", "系统管理员"), [PowerService.Domain.Staff.StaffRole.Admin], "信息中心");
        var complaint = ComplaintBuilder.In(Stage.Revisit);
        ComplaintBuilder.Ok(complaint, complaint.Revisit(ComplaintBuilder.Satisfied, ComplaintBuilder.At(ComplaintBuilder.Start.AddHours(30))));

        var panel = RenderWithProviders<ActionPanel>(("Complaint", complaint), ("Staff", admin));

        Assert.Empty(panel.FindAll("[data-testid=revisit-waits]"));
        Assert.Contains("没有可办理的操作", panel.Find("[data-testid=no-actions]").TextContent);
    }

    private async Task ActAsync(string number, PowerService.Web.Features.Shared.StaffUser by, Func<Complaint, StepContext, StepResult> step)
    {
        var current = await Db.LoadAsync(number);
        var outcome = await Db.Complaints.ActAsync(number, current.Revision, by, null, step, Xunit.TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
    }
}
