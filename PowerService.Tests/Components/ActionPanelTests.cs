using Bunit;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Staff;
using PowerService.Web.Features.Complaints.Actions;
using PowerService.Web.Features.Shared;
using PowerService.Tests.Domain.Complaints;

namespace PowerService.Tests.Components;

/// <summary>The action panel offers exactly what the loop permits now for the person's role.</summary>
public sealed class ActionPanelTests : ComponentTestBase
{
    private const string Dispatch = "Dispatch", Investigate = "Investigate", Resolve = "Resolve", Revisit = "Revisit",
        Improve = "Improve", Waive = "WaiveImprovement", Reassign = "Reassign", Note = "AddNote", Merge = "Merge",
        Withdraw = "Withdraw", Reclassify = "Reclassify", Escalate = "Escalate", Extend = "ExtendDeadline";

    public static TheoryData<Stage, StaffRole, string[]> Offers() => new()
    {
        { Stage.Intake, StaffRole.IntakeAgent, [Dispatch, Note, Withdraw] },
        { Stage.Intake, StaffRole.Handler, [Dispatch, Note, Merge, Withdraw, Reclassify] },
        { Stage.Intake, StaffRole.Manager, [Dispatch, Note, Merge, Withdraw, Reclassify, Escalate, Extend] },
        { Stage.Investigate, StaffRole.IntakeAgent, [Note, Withdraw] },
        { Stage.Investigate, StaffRole.Handler, [Investigate, Reassign, Note, Merge, Withdraw, Reclassify] },
        { Stage.Resolve, StaffRole.Handler, [Resolve, Reassign, Note, Merge, Withdraw] },
        { Stage.Resolve, StaffRole.IntakeAgent, [Note, Withdraw] },
        { Stage.Revisit, StaffRole.IntakeAgent, [Revisit, Note, Withdraw] },
        { Stage.Revisit, StaffRole.Handler, [Revisit, Reassign, Note, Withdraw] },
        { Stage.Improve, StaffRole.Handler, [Improve, Reassign, Note] },
        { Stage.Improve, StaffRole.Manager, [Improve, Waive, Reassign, Note, Escalate, Extend] },
        { Stage.Improve, StaffRole.IntakeAgent, [Note] },
        { Stage.Investigate, StaffRole.Admin, [] },
        { Stage.Closed, StaffRole.Manager, [] },
        { Stage.Withdrawn, StaffRole.Handler, [] },
        { Stage.Merged, StaffRole.Manager, [] },
        { Stage.Reclassified, StaffRole.Manager, [] },
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public void Offers_exactly_the_triggers_the_loop_permits_for_the_role(Stage stage, StaffRole role, string[] expected)
    {
        var staff = new StaffUser(new Actor("u1", "测试"), [role], "客户服务中心");

        var cut = RenderWithProviders<ActionPanel>(("Complaint", ComplaintBuilder.In(stage)), ("Staff", staff));

        var offered = cut.FindAll("button[data-testid^='action-']").Select(b => b.GetAttribute("data-testid")!["action-".Length..]);
        Assert.Equal(expected, offered);
        if (expected.Length == 0)
            Assert.Contains(stage.IsOpen() ? "没有可办理的操作" : "不能再办理", cut.Find("[data-testid=no-actions]").TextContent);
    }

    [Fact]
    public async Task A_progress_note_can_record_that_the_customer_was_contacted_and_stops_the_contact_clock()
    {
        var agent = await SignInAsAsync("agent");
        var number = await Db.RegisterAsync(agent);
        var cut = RenderWithProviders<ActionPanel>(("Complaint", await Db.LoadAsync(number)), ("Staff", agent));

        cut.Find("[data-testid=action-AddNote]").Click();
        cut.Find("[data-testid=field-Text] textarea, textarea[data-testid=field-Text]").Change("已电话联系客户，约定明日上门");
        cut.Find("[data-testid=field-ContactedCustomer] input, input[data-testid=field-ContactedCustomer]").Change(true);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.DoesNotContain((Db.LoadAsync(number).Result).RunningClocks,
            c => c.Kind is PowerService.Domain.Sla.ClockKind.CustomerContact or PowerService.Domain.Sla.ClockKind.FirstResponse));
        Assert.Contains((await Db.LoadAsync(number)).Timeline, e => e.Summary == "已电话联系客户，约定明日上门");
    }

    [Fact]
    public async Task A_step_with_missing_data_shows_field_messages_and_saves_nothing()
    {
        var handler = await SignInAsAsync("handler");
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"));
        var registered = await Db.LoadAsync(number);
        await Db.Complaints.ActAsync(number, registered.Revision, handler, null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), Xunit.TestContext.Current.CancellationToken);
        var complaint = await Db.LoadAsync(number);
        var cut = RenderWithProviders<ActionPanel>(("Complaint", complaint), ("Staff", handler));

        cut.Find("[data-testid=action-Investigate]").Click();
        cut.Find("[data-testid=field-Cause]").Change("抄表数据未复核");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("请填写调查核实的事实", FieldMessage(cut, "field-Facts")));
        Assert.Equal("请认定责任归属", FieldMessage(cut, "field-Responsibility"));
        Assert.Equal("请填写处理建议", FieldMessage(cut, "field-Proposal"));
        Assert.Equal("", FieldMessage(cut, "field-Cause"));
        Assert.Equal("抄表数据未复核", cut.Find("[data-testid=field-Cause]").GetAttribute("value") ?? cut.Find("[data-testid=field-Cause]").TextContent);
        var after = await Db.LoadAsync(number);
        Assert.Equal((Stage.Investigate, complaint.Revision), (after.Stage, after.Revision));
    }

    [Fact]
    public async Task A_conflicting_change_is_explained_and_what_was_typed_is_kept()
    {
        var handler = await SignInAsAsync("handler");
        var manager = await Db.StaffAsync("manager");
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"));
        var seen = await Db.LoadAsync(number);
        var changed = false;
        var cut = RenderWithProviders<ActionPanel>(("Complaint", seen), ("Staff", handler),
            ("OnChanged", Microsoft.AspNetCore.Components.EventCallback.Factory.Create(this, () => changed = true)));

        cut.Find("[data-testid=action-AddNote]").Click();
        cut.Find("[data-testid=field-Text]").Change("已与客户约定明天上午上门");
        await Db.Complaints.ActAsync(number, seen.Revision, manager, null, (c, ctx) => c.AddNote(new ProgressNote("经理批示：优先处理"), ctx), Xunit.TestContext.Current.CancellationToken);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("该投诉已被赵敏", cut.Find("[data-testid=action-message]").TextContent));
        Assert.Contains("您填写的内容仍保留", cut.Find("[data-testid=action-message]").TextContent);
        Assert.Equal("已与客户约定明天上午上门", cut.Find("[data-testid=field-Text]").TextContent);
        Assert.True(changed);
        var stored = await Db.LoadAsync(number);
        Assert.Equal(["经理批示：优先处理"], stored.Timeline.Where(e => e.Trigger == LoopTrigger.AddNote).Select(e => e.Summary));
    }
}
