using Bunit;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Complaints.Actions;
using PowerService.Web.Features.Shared;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Components;

/// <summary>
/// Two people act on the same complaint: the second person's action disappears because the first
/// moved the complaint. Whatever the action, the page explains the conflict and keeps what was typed.
/// </summary>
public sealed class ActionRaceTests : ComponentTestBase
{
    private const string TypedNote = "已与客户电话沟通，客户情绪平稳";

    /// <summary>Every action the panel offers (documents are issued from the documents page).</summary>
    public static TheoryData<LoopTrigger> PanelTriggers() =>
        new(Enum.GetValues<LoopTrigger>().Where(t => t is not (LoopTrigger.IssueDocument or LoopTrigger.Anonymise or LoopTrigger.AttachEvidence or LoopTrigger.RemoveEvidence)));

    /// <summary>
    /// Who has the form open, at which stage, which field they type in, and who moves the complaint
    /// how, so that the action is no longer offered to them.
    /// </summary>
    private sealed record Race(string User, Stage Stage, string Field, string Typed, string Other,
        Func<RaceContext, Complaint, StepContext, StepResult> Move);

    private sealed record RaceContext(StaffUser Handler, string OtherNumber);

    private static readonly Withdrawal CustomerWithdraws = new("客户来电表示问题已解决，不再追究", "电话录音");

    private static Race RaceFor(LoopTrigger trigger) => trigger switch
    {
        LoopTrigger.Dispatch => new("agent", Stage.Intake, "field-Department", "营销部（计量）", "manager",
            (r, c, ctx) => c.Dispatch(new DispatchOrder(r.Handler.Actor, "城区供电所"), ctx)),
        LoopTrigger.Investigate => new("handler", Stage.Investigate, "field-Facts", "现场核实停电时间与通知记录", "manager",
            (_, c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx)),
        LoopTrigger.Resolve => new("handler", Stage.Resolve, "field-Solution", "上门致歉并减免电费", "manager",
            (_, c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ctx.At.AddDays(2)), ctx)),
        LoopTrigger.Revisit => new("agent", Stage.Revisit, "field-CustomerOpinion", "客户认可处理结果", "handler",
            (_, c, ctx) => c.Revisit(ComplaintBuilder.Dissatisfied, ctx)),
        LoopTrigger.Improve => new("handler", Stage.Improve, "field-RootCause", "联系方式未同步到通知系统", "manager",
            (_, c, ctx) => c.Improve(ComplaintBuilder.Plan, ctx)),
        LoopTrigger.WaiveImprovement => new("manager", Stage.Improve, "field-Reason", "个案，无共性问题", "handler",
            (_, c, ctx) => c.Improve(ComplaintBuilder.Plan, ctx)),
        LoopTrigger.Reassign => new("handler", Stage.Investigate, "field-Reason", "属计量问题，转营销部", "agent",
            (_, c, ctx) => c.Withdraw(CustomerWithdraws, ctx)),
        LoopTrigger.AddNote => new("handler", Stage.Investigate, "field-Text", "已约定明天上午上门", "agent",
            (_, c, ctx) => c.Withdraw(CustomerWithdraws, ctx)),
        LoopTrigger.TakeOver => new("manager", Stage.Investigate, "field-Explanation", "原处理人休假，由我接手", "agent",
            (_, c, ctx) => c.Withdraw(CustomerWithdraws, ctx)),
        LoopTrigger.Merge => new("handler", Stage.Investigate, "field-IntoNumber", "", "manager",
            (r, c, ctx) => c.MergeInto(new MergeRequest(r.OtherNumber, "同一停电事件重复来电"), ctx)),
        LoopTrigger.Withdraw => new("agent", Stage.Intake, "field-Reason", "客户表示不再追究", "manager",
            (_, c, ctx) => c.Withdraw(CustomerWithdraws, ctx)),
        LoopTrigger.Reclassify => new("handler", Stage.Investigate, "field-Reason", "客户仅咨询停电安排", "manager",
            (_, c, ctx) => c.Reclassify(new Reclassification(ReclassifiedAs.Enquiry, "客户仅咨询停电安排"), ctx)),
        LoopTrigger.Escalate => new("manager", Stage.Intake, "field-Reason", "客户多次来电，情绪激动", "agent",
            (_, c, ctx) => c.Withdraw(CustomerWithdraws, ctx)),
        LoopTrigger.ExtendDeadline => new("manager", Stage.Intake, "field-Reason", "需等待供电所现场勘查", "agent",
            (_, c, ctx) => c.Withdraw(CustomerWithdraws, ctx)),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "not offered in the action panel"),
    };

    [Theory]
    [MemberData(nameof(PanelTriggers))]
    public async Task An_action_someone_else_made_impossible_ends_in_the_conflict_message_and_keeps_what_was_typed(LoopTrigger trigger)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var race = RaceFor(trigger);
        var agent = await Db.StaffAsync("agent");
        var handler = await Db.StaffAsync("handler");
        var other = await Db.StaffAsync(race.Other);
        var number = await Db.RegisterAsync(agent);
        var otherNumber = await Db.RegisterAsync(agent, ComplaintBuilder.ValidIntake() with { Phone = "13912345678", AccountNumber = "3300999999" });
        await AdvanceAsync(number, race.Stage, agent, handler);
        var me = await SignInAsAsync(race.User);

        var page = RenderWithProviders<ComplaintPage>(("Number", number));
        page.WaitForElement($"[data-testid=action-{trigger}]").Click();
        var typed = race.Field == "field-IntoNumber" ? otherNumber : race.Typed;
        // Texts a customer reads are checked for service wording as they are typed (Immediate): they take input events.
        var field = page.Find($"[data-testid={race.Field}]");
        if (race.Field is "field-Facts" or "field-Solution" or "field-CustomerOpinion" or "field-Text") field.Input(typed);
        else field.Change(typed);
        page.Find("[data-testid=field-Note]").Change(TypedNote);

        var seen = await Db.LoadAsync(number);
        var moved = await Db.Complaints.ActAsync(number, seen.Revision, other, null,
            (c, ctx) => race.Move(new RaceContext(handler, otherNumber), c, ctx), ct);
        Assert.True(moved.Succeeded, string.Join("；", moved.Result.Reasons));
        var now = await Db.LoadAsync(number);
        Assert.DoesNotContain(trigger, now.AvailableTriggers(me.Actor, me.Roles, me.Workplace, Db.Time.GetUtcNow()));

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() =>
        {
            var message = page.Find("[data-testid=action-message]").TextContent;
            Assert.Contains($"该投诉已被{other.Actor.DisplayName}于", message);
            Assert.Contains($"当前阶段：{PowerService.Domain.Labels.Of(now.Stage)}", message);
            Assert.Contains("您填写的内容仍保留", message);
        });
        Assert.Equal(TypedNote, ValueOf(page, "field-Note"));
        Assert.Equal(typed, ValueOf(page, race.Field));
        Assert.Equal(now.Revision, (await Db.LoadAsync(number)).Revision);
    }

    [Fact]
    public async Task A_newer_complaint_that_no_longer_offers_the_open_action_keeps_the_form_without_submit_until_closed()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var agent = await SignInAsAsync("agent");
        var manager = await Db.StaffAsync("manager");
        var handler = await Db.StaffAsync("handler");
        var number = await Db.RegisterAsync(agent);
        var seen = await Db.LoadAsync(number);
        var panel = RenderWithProviders<ActionPanel>(("Complaint", seen), ("Staff", agent));
        panel.Find("[data-testid=action-Dispatch]").Click();
        panel.Find("[data-testid=field-Note]").Change(TypedNote);

        await Db.Complaints.ActAsync(number, seen.Revision, manager, null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), ct);
        var newer = await Db.LoadAsync(number);
        panel.Render(p => p.Add(x => x.Complaint, newer));

        var message = panel.Find("[data-testid=action-message]");
        Assert.Contains("mud-alert-text-warning", message.ClassName);
        Assert.Contains($"该投诉已被赵敏于 {PowerService.Domain.Time.ChinaTime.Format(newer.Timeline[^1].At)} 修改", message.TextContent);
        Assert.Contains("当前阶段：调查分析", message.TextContent);
        Assert.Equal(TypedNote, ValueOf(panel, "field-Note"));
        Assert.Empty(panel.FindAll("[data-testid=action-submit]"));
        Assert.Empty(panel.FindAll("[data-testid=action-Dispatch]"));
        Assert.Contains("已不能受理派单", panel.Find("[data-testid=action-gone]").TextContent);

        panel.Find("[data-testid=action-dismiss]").Click();

        Assert.Empty(panel.FindAll("[data-testid=action-message]"));
        Assert.Empty(panel.FindAll("form"));
    }

    private static string ValueOf<T>(IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.GetAttribute("value") ?? element.TextContent;
    }

    /// <summary>Carries a registered complaint to <paramref name="stage"/> through the service the pages use.</summary>
    private async Task AdvanceAsync(string number, Stage stage, StaffUser firstResponder, StaffUser handler)
    {
        async Task Act(Func<Complaint, StepContext, StepResult> step, StaffUser? by = null)
        {
            var current = await Db.LoadAsync(number);
            var outcome = await Db.Complaints.ActAsync(number, current.Revision, by ?? handler, null, step, Xunit.TestContext.Current.CancellationToken);
            Assert.True(outcome.Succeeded, string.Join("；", outcome.Result.Reasons));
        }
        if (stage == Stage.Intake) return;
        await Act((c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), firstResponder);
        if (stage == Stage.Investigate) return;
        await Act((c, ctx) => c.Investigate(ComplaintBuilder.Findings, ctx));
        if (stage == Stage.Resolve) return;
        await Act((c, ctx) => c.Resolve(ComplaintBuilder.Resolution(ctx.At.AddDays(2)), ctx));
        if (stage == Stage.Revisit) return;
        Db.Time.Advance(TimeSpan.FromHours(20));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        Db.Time.Advance(TimeSpan.FromDays(7));
        await Act((c, ctx) => c.Revisit(ComplaintBuilder.Satisfied, ctx));
        if (stage == Stage.Improve) return;
        throw new ArgumentOutOfRangeException(nameof(stage), stage, null);
    }
}
