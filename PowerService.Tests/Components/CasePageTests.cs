using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Tests.Domain.Cases;
using PowerService.Tests.Support;
using PowerService.Web.Features.Cases;

namespace PowerService.Tests.Components;

/// <summary>The case page offers each person what they may do, keeps what was typed on a refusal, and shows reasons at their fields.</summary>
public sealed class CasePageTests : ComponentTestBase
{
    private async Task<int> StartedAsync()
    {
        var (agent, handler, trainer) = (await Db.StaffAsync("agent"), await Db.StaffAsync("handler"), await Db.StaffAsync("trainer"));
        var complaint = await Db.LoadAsync(await Scenarios.ClosedAsync(Db.Complaints, Db.Time, agent, handler));
        var started = await Services.GetRequiredService<CaseService>().StartAsync(complaint.Id, trainer, Xunit.TestContext.Current.CancellationToken);
        return started.CaseId!.Value;
    }

    [Fact]
    public async Task The_editor_sees_the_draft_in_fields_and_the_missing_sections_are_named_under_them()
    {
        var id = await StartedAsync();
        await SignInAsAsync("trainer");

        var page = RenderWithProviders<CasePage>(("Id", id));
        page.WaitForElement("[data-testid=case-editor]");
        page.Find("[data-testid=case-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("请写明成功的经验（至少 5 个字）", page.Markup));
        Assert.Contains("编写中", page.Find("[data-testid=case-status]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=case-approve]"));
    }

    [Fact]
    public async Task A_handler_reads_only_published_cases_and_is_offered_no_action()
    {
        var id = await StartedAsync();
        await SignInAsAsync("handler");

        var page = RenderWithProviders<CasePage>(("Id", id));

        page.WaitForAssertion(() => Assert.Equal("该案例尚未发布或已撤回", page.Find("[data-testid=case-refusal]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=case-editor]"));
    }

    [Fact]
    public async Task A_manager_reviewing_is_offered_approve_and_return_and_a_return_without_reason_is_refused_in_place()
    {
        var id = await StartedAsync();
        var trainer = await Db.StaffAsync("trainer");
        var cases = Services.GetRequiredService<CaseService>();
        var stored = (await cases.GetAsync(id, trainer, ct: Xunit.TestContext.Current.CancellationToken)).View!.Case;
        Assert.True((await cases.SubmitAsync(id, stored.Revision, TrainingCaseTests.Complete, trainer, Xunit.TestContext.Current.CancellationToken)).Succeeded);
        await SignInAsAsync("manager");

        var page = RenderWithProviders<CasePage>(("Id", id));
        page.WaitForElement("[data-testid=case-approve]");
        Assert.NotEmpty(page.FindAll("[data-testid=case-return]"));
        Assert.Empty(page.FindAll("[data-testid=case-editor]"));
        page.Find("[data-testid=case-return]").Click();

        page.WaitForAssertion(() => Assert.Contains("请说明退回原因（至少 4 个字）", page.Find("[data-testid=case-errors]").TextContent));
        Assert.Contains("待审核", page.Find("[data-testid=case-status]").TextContent);
    }
}
