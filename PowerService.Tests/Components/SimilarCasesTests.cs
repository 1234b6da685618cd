using Bunit;
using PowerService.Domain;
using PowerService.Domain.Cases;
using PowerService.Domain.Complaints;
using PowerService.Domain.Staff;
using PowerService.Tests.Domain.Cases;
using PowerService.Tests.Support;
using PowerService.Web.Features.Cases;

namespace PowerService.Tests.Components;

/// <summary>The similar-cases panel beside a live complaint: title, outcome, both lessons and a link to the case; nothing beside a closed one.</summary>
public sealed class SimilarCasesTests : ComponentTestBase
{
    private static readonly Actor Trainer = new("u-trainer", "培训师");
    private static readonly Actor Manager = new("u-manager", "审核人");

    /// <summary>A case published from a closed complaint through the aggregate and the app's save.</summary>
    private async Task<(int Id, Complaint Source)> PublishedAsync(CaseContent content)
    {
        var (agent, handler) = (await Db.StaffAsync("agent"), await Db.StaffAsync("handler"));
        var source = await Db.LoadAsync(await Scenarios.ClosedAsync(Db.Complaints, Db.Time, agent, handler));
        var c = TrainingCase.Create(source, content, Trainer, [StaffRole.Trainer], Db.Time.GetUtcNow(), 2026).Value!;
        Assert.True(c.Submit(Trainer, [StaffRole.Trainer], Db.Time.GetUtcNow()).Succeeded);
        Assert.True(c.Approve(Manager, [StaffRole.Manager], new("客户服务中心", CompanyLevel: true), Db.Time.GetUtcNow()).Succeeded);
        await using var db = Db.NewContext();
        db.TrainingCases.Add(c);
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return (c.Id, source);
    }

    [Fact]
    public async Task A_live_complaint_shows_the_similar_case_with_its_outcome_lessons_and_link()
    {
        var (id, _) = await PublishedAsync(TrainingCaseTests.Complete);
        var handler = await SignInAsAsync("handler");
        var live = await Db.LoadAsync(await Scenarios.DispatchedAsync(Db.Complaints, await Db.StaffAsync("agent"), handler));

        var panel = Render<SimilarCases>(p => p.Add(x => x.Complaint, live).Add(x => x.Staff, handler));

        var shown = panel.WaitForElement("[data-testid=similar-case]");
        Assert.Contains(TrainingCaseTests.Complete.Title, shown.TextContent);
        Assert.Equal($"/cases/{id}", shown.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("成功经验：" + TrainingCaseTests.Complete.LessonsWorked, shown.TextContent);
        Assert.Contains("失败教训：" + TrainingCaseTests.Complete.LessonsFailed, shown.TextContent);
        Assert.Contains(Labels.Of(CaseOutcome.FirstTime), shown.TextContent);
    }

    [Fact]
    public async Task A_closed_complaint_shows_no_panel()
    {
        var (_, source) = await PublishedAsync(TrainingCaseTests.Complete);
        var handler = await SignInAsAsync("handler");

        var panel = Render<SimilarCases>(p => p.Add(x => x.Complaint, source).Add(x => x.Staff, handler));

        Assert.Empty(panel.FindAll("[data-testid=similar-cases]"));
        Assert.Equal("", panel.Markup.Trim());
    }
}
