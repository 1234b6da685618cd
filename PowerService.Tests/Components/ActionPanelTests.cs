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
        Improve = "Improve", Waive = "WaiveImprovement", Reassign = "Reassign", TakeOver = "TakeOver", Note = "AddNote", Merge = "Merge",
        Withdraw = "Withdraw", Reclassify = "Reclassify", Escalate = "Escalate", Extend = "ExtendDeadline";

    /// <summary>Who looks at the panel: the builder's first responder (王芳), its handler after dispatch (李强, 城区供电所), or someone else.</summary>
    public enum Who { FirstResponder, Owner, Other }

    private const string Centre = "客户服务中心", City = "城区供电所", Repair = "运维检修部";

    public static TheoryData<Stage, StaffRole, Who, string, bool, string[]> Offers() => new()
    {
        { Stage.Intake, StaffRole.IntakeAgent, Who.FirstResponder, Centre, false, [Dispatch, Note, Merge, Withdraw] },
        { Stage.Intake, StaffRole.IntakeAgent, Who.Other, Centre, false, [Dispatch, Note] },
        { Stage.Intake, StaffRole.Handler, Who.Other, City, false, [] },
        { Stage.Intake, StaffRole.Manager, Who.Other, Centre, true, [Dispatch, Note, Merge, Withdraw, Reclassify, Escalate, Extend] },
        { Stage.Investigate, StaffRole.IntakeAgent, Who.FirstResponder, Centre, false, [Note, Merge, Withdraw] },
        { Stage.Investigate, StaffRole.IntakeAgent, Who.Other, Centre, false, [] },
        { Stage.Investigate, StaffRole.Handler, Who.Owner, City, false, [Investigate, Reassign, Note, Merge, Withdraw, Reclassify] },
        { Stage.Investigate, StaffRole.Handler, Who.Other, City, false, [TakeOver, Note] },
        { Stage.Investigate, StaffRole.Handler, Who.Other, Repair, false, [] },
        { Stage.Investigate, StaffRole.Manager, Who.Other, City, false, [Investigate, Reassign, TakeOver, Note, Merge, Withdraw, Reclassify, Escalate, Extend] },
        { Stage.Investigate, StaffRole.Manager, Who.Other, Repair, false, [] },
        { Stage.Resolve, StaffRole.Handler, Who.Owner, City, false, [Resolve, Reassign, Note, Merge, Withdraw] },
        { Stage.Resolve, StaffRole.IntakeAgent, Who.FirstResponder, Centre, false, [Note, Merge, Withdraw] },
        { Stage.Revisit, StaffRole.IntakeAgent, Who.FirstResponder, Centre, false, [Revisit, Note, Withdraw] },
        { Stage.Revisit, StaffRole.Handler, Who.Owner, City, false, [Revisit, Reassign, Note, Withdraw] },
        { Stage.Improve, StaffRole.Handler, Who.Owner, City, false, [Improve, Reassign, Note] },
        { Stage.Improve, StaffRole.Manager, Who.Other, Centre, true, [Improve, Waive, Reassign, TakeOver, Note, Escalate, Extend] },
        { Stage.Improve, StaffRole.IntakeAgent, Who.FirstResponder, Centre, false, [Note] },
        { Stage.Investigate, StaffRole.Admin, Who.Other, Centre, false, [] },
        { Stage.Closed, StaffRole.Manager, Who.Other, Centre, true, [] },
        { Stage.Withdrawn, StaffRole.Handler, Who.Owner, City, false, [] },
        { Stage.Merged, StaffRole.Manager, Who.Other, Centre, true, [] },
        { Stage.Reclassified, StaffRole.Manager, Who.Other, Centre, true, [] },
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public void Offers_exactly_what_the_role_and_the_relation_to_the_complaint_permit(Stage stage, StaffRole role, Who who, string department, bool companyLevel, string[] expected)
    {
        var actor = who switch { Who.FirstResponder => ComplaintBuilder.Agent, Who.Owner => ComplaintBuilder.Handler, _ => new Actor("u1", "测试") };
        var staff = new StaffUser(actor, [role], department) { CompanyLevel = companyLevel };

        var cut = RenderWithProviders<ActionPanel>(("Complaint", ComplaintBuilder.In(stage)), ("Staff", staff));

        var offered = cut.FindAll("button[data-testid^='action-']").Select(b => b.GetAttribute("data-testid")!["action-".Length..]);
        Assert.Equal(expected, offered);
        if (expected.Length == 0)
            Assert.Contains(!stage.IsOpen() ? "不能再办理" : role == StaffRole.Admin ? "没有可办理的操作" : "不在您的办理范围内",
                cut.Find("[data-testid=no-actions]").TextContent);
    }

    [Fact]
    public async Task A_progress_note_can_record_that_the_customer_was_contacted_and_stops_the_contact_clock()
    {
        var agent = await SignInAsAsync("agent");
        var number = await Db.RegisterAsync(agent);
        var cut = RenderWithProviders<ActionPanel>(("Complaint", await Db.LoadAsync(number)), ("Staff", agent));

        cut.Find("[data-testid=action-AddNote]").Click();
        cut.Find("[data-testid=field-Text] textarea, textarea[data-testid=field-Text]").Input("已电话联系客户，约定明日上门");
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
        await Db.Complaints.ActAsync(number, registered.Revision, await Db.StaffAsync("agent"), null, (c, ctx) => c.Dispatch(new DispatchOrder(handler.Actor, "城区供电所"), ctx), Xunit.TestContext.Current.CancellationToken);
        var complaint = await Db.LoadAsync(number);
        var cut = RenderWithProviders<ActionPanel>(("Complaint", complaint), ("Staff", handler));

        cut.Find("[data-testid=action-Investigate]").Click();
        cut.Find("[data-testid=field-Cause]").Input("抄表数据未复核");
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
        var colleague = await SignInAsAsync("agent2");
        var manager = await Db.StaffAsync("manager");
        var number = await Db.RegisterAsync(await Db.StaffAsync("agent"));
        var seen = await Db.LoadAsync(number);
        var changed = false;
        var cut = RenderWithProviders<ActionPanel>(("Complaint", seen), ("Staff", colleague),
            ("OnChanged", Microsoft.AspNetCore.Components.EventCallback.Factory.Create(this, () => changed = true)));

        cut.Find("[data-testid=action-AddNote]").Click();
        cut.Find("[data-testid=field-Text]").Input("已与客户约定明天上午上门");
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
